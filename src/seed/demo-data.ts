/**
 * Demo data modelled on the reference cases in shared/DOMAIN.md: the NC Technopark in Troitsk
 * (product and contract companies 80/20) and the Voronezh oil-and-gas equipment cluster
 * (a production chain of casting, machining, heat and galvanic treatment, units, assembly).
 * Prices are in roubles, as decimal strings.
 */
import type { CompanyKindValue, TargetMeasureValue } from "../db/schema";

export interface DemoOffer {
  capability: string;
  unitPrice: string;
  engineerHoursPerUnit: number;
  minLeadDays: number;
  minLot: number;
  maxLot: number;
}

export interface DemoCompany {
  name: string;
  kind: CompanyKindValue;
  description: string;
  employeeCount: number;
  /** [system engineers, engineers] for contract companies and research institutes. */
  engineers?: [number, number];
  offers?: DemoOffer[];
  /** Capabilities held by the company's first N engineers only (by capability code); the others' are held by all. */
  skills?: Record<string, number>;
}

export interface DemoPark {
  name: string;
  kind: "TECHNOPARK" | "CLUSTER";
  region: string;
  description: string;
  companies: DemoCompany[];
  /** Targets the coordinator set: a yearly figure by the end of the year `yearsAhead` from now. */
  targets?: { measure: TargetMeasureValue; amount: string; yearsAhead: number; note: string }[];
}

export const DEMO_CAPABILITIES: { code: string; name: string; description: string }[] = [
  { code: "CASTING", name: "Casting", description: "Casting of large body parts and blanks." },
  { code: "MECHANICAL_MACHINING", name: "Mechanical machining", description: "CNC turning, milling and grinding." },
  { code: "HEAT_TREATMENT", name: "Heat treatment", description: "Hardening, tempering, annealing." },
  { code: "GALVANIC_TREATMENT", name: "Galvanic treatment", description: "Electroplating and anodising." },
  { code: "UNIT_PRODUCTION", name: "Unit production", description: "Production of assemblies and units." },
  { code: "ASSEMBLY_AND_TESTING", name: "Assembly and testing", description: "Final assembly and acceptance testing." },
  { code: "COMPOSITES", name: "Composites", description: "Moulding and curing of composite parts." },
  { code: "LASER_SYSTEMS", name: "Laser systems", description: "Laser sources and optics, including medical lasers." },
  { code: "FLEXIBLE_ELECTRONICS", name: "Flexible electronics", description: "Printed and flexible circuits and sensors." },
  { code: "INDUSTRIAL_MICROBIOLOGY", name: "Industrial microbiology", description: "Fermentation and bioprocess scale-up." },
  { code: "PCB_ASSEMBLY", name: "PCB assembly", description: "SMT and through-hole assembly of circuit boards." },
  { code: "ADDITIVE_MANUFACTURING", name: "Additive manufacturing", description: "Metal and polymer 3D printing." },
  { code: "NON_DESTRUCTIVE_TESTING", name: "Non-destructive testing", description: "Ultrasonic, radiographic and magnetic particle inspection of welds and castings." },
];

export const DEMO_PARKS: DemoPark[] = [
  {
    name: "NC Technopark Troitsk",
    kind: "TECHNOPARK",
    region: "Moscow, Troitsk",
    description: "Nanotechnology centre: product startups own no production; contract companies produce for them.",
    companies: [
      { name: "Kompozit Plus", kind: "PRODUCT", description: "Composite pressure vessels.", employeeCount: 24 },
      { name: "LaserMed Systems", kind: "PRODUCT", description: "Laser equipment for medicine.", employeeCount: 31 },
      { name: "FlexTronica", kind: "PRODUCT", description: "Flexible electronics for wearables.", employeeCount: 18 },
      { name: "BioSintez Lab", kind: "PRODUCT", description: "Industrial microbiology: enzymes for food.", employeeCount: 22 },
      { name: "NanoCoat", kind: "PRODUCT", description: "Protective nanocoatings for tooling.", employeeCount: 15 },
      { name: "OptoSense", kind: "PRODUCT", description: "Fibre-optic sensors for pipelines.", employeeCount: 12 },
      { name: "AquaMembrane", kind: "PRODUCT", description: "Filtration membranes.", employeeCount: 19 },
      { name: "ThermoGraph", kind: "PRODUCT", description: "Graphene heat spreaders.", employeeCount: 9 },
      {
        name: "Troitsk Contract Manufacturing",
        kind: "CONTRACT",
        description: "Contract development and production: composites, lasers, machining, assembly and testing.",
        employeeCount: 160,
        engineers: [3, 9],
        offers: [
          { capability: "COMPOSITES", unitPrice: "48500.00", engineerHoursPerUnit: 6.5, minLeadDays: 21, minLot: 10, maxLot: 2000 },
          { capability: "LASER_SYSTEMS", unitPrice: "315000.00", engineerHoursPerUnit: 28, minLeadDays: 45, minLot: 1, maxLot: 200 },
          { capability: "MECHANICAL_MACHINING", unitPrice: "7900.00", engineerHoursPerUnit: 1.75, minLeadDays: 10, minLot: 20, maxLot: 20000 },
          { capability: "ASSEMBLY_AND_TESTING", unitPrice: "12400.00", engineerHoursPerUnit: 3.25, minLeadDays: 14, minLot: 5, maxLot: 5000 },
        ],
      },
      {
        name: "NanoFab Services",
        kind: "CONTRACT",
        description: "Flexible electronics, PCB assembly and bioprocess scale-up for startups.",
        employeeCount: 90,
        engineers: [2, 6],
        offers: [
          { capability: "FLEXIBLE_ELECTRONICS", unitPrice: "2350.00", engineerHoursPerUnit: 0.4, minLeadDays: 14, minLot: 100, maxLot: 100000 },
          { capability: "PCB_ASSEMBLY", unitPrice: "1180.50", engineerHoursPerUnit: 0.25, minLeadDays: 7, minLot: 50, maxLot: 200000 },
          { capability: "INDUSTRIAL_MICROBIOLOGY", unitPrice: "96000.00", engineerHoursPerUnit: 16, minLeadDays: 30, minLot: 1, maxLot: 300 },
        ],
      },
    ],
  },
  {
    name: "Voronezh Oil and Gas Equipment Cluster",
    targets: [
      {
        measure: "ORDER_VOLUME",
        amount: "50000000000.00",
        yearsAhead: 4,
        note: "The cluster's potential: 50 billion roubles of product orders a year (27 billion in 2019), put for 2025 and moved on.",
      },
    ],
    kind: "CLUSTER",
    region: "Voronezh region",
    description: "14 enterprises in one chain: casting, machining, heat and galvanic treatment, units, assembly and testing.",
    companies: [
      { name: "NeftegazMash", kind: "PRODUCT", description: "Localises wellhead and pumping equipment.", employeeCount: 950 },
      { name: "Borehole Pump Systems", kind: "PRODUCT", description: "Electric submersible pumps.", employeeCount: 75 },
      {
        name: "Voronezh Foundry",
        kind: "CONTRACT",
        description: "Casting of large body parts and blanks.",
        employeeCount: 420,
        engineers: [2, 8],
        offers: [{ capability: "CASTING", unitPrice: "18500.00", engineerHoursPerUnit: 4.5, minLeadDays: 20, minLot: 10, maxLot: 5000 }],
      },
      {
        name: "Don Machining Works",
        kind: "CONTRACT",
        description: "Mechanical machining of bodies, shafts and flanges.",
        employeeCount: 310,
        engineers: [2, 10],
        offers: [
          { capability: "MECHANICAL_MACHINING", unitPrice: "7200.00", engineerHoursPerUnit: 2, minLeadDays: 12, minLot: 20, maxLot: 30000 },
          { capability: "HEAT_TREATMENT", unitPrice: "2100.00", engineerHoursPerUnit: 0.5, minLeadDays: 7, minLot: 50, maxLot: 50000 },
        ],
        // Four of its twelve engineers run the furnaces: heat treatment is the capability that runs short.
        skills: { HEAT_TREATMENT: 4 },
      },
      {
        name: "GalvanoTerm",
        kind: "CONTRACT",
        description: "Heat and galvanic treatment.",
        employeeCount: 140,
        engineers: [1, 5],
        offers: [
          { capability: "HEAT_TREATMENT", unitPrice: "1850.00", engineerHoursPerUnit: 0.6, minLeadDays: 5, minLot: 100, maxLot: 80000 },
          { capability: "GALVANIC_TREATMENT", unitPrice: "950.00", engineerHoursPerUnit: 0.3, minLeadDays: 5, minLot: 100, maxLot: 100000 },
        ],
      },
      {
        name: "Liski Unit Plant",
        kind: "CONTRACT",
        description: "Production of valves, gearboxes and pump units.",
        employeeCount: 260,
        engineers: [2, 7],
        offers: [{ capability: "UNIT_PRODUCTION", unitPrice: "64000.00", engineerHoursPerUnit: 12, minLeadDays: 30, minLot: 5, maxLot: 3000 }],
      },
      {
        name: "Final Assembly and Test Centre",
        kind: "CONTRACT",
        description: "Assembly and testing of final products.",
        employeeCount: 180,
        engineers: [3, 6],
        offers: [{ capability: "ASSEMBLY_AND_TESTING", unitPrice: "21500.00", engineerHoursPerUnit: 8, minLeadDays: 14, minLot: 1, maxLot: 1500 }],
      },
      // The cluster's other participants (KIND_RIGHTS in src/access/policy.ts).
      { name: "Volga Pipeline Company", kind: "OUTSIDE_CUSTOMER", description: "A pipeline operator localising its valve and pump supply with the cluster's contractors.", employeeCount: 5200 },
      {
        name: "Voronezh Welding and Testing Institute",
        kind: "RESEARCH_INSTITUTE",
        description: "Applied research in welding; an accredited non-destructive testing laboratory.",
        employeeCount: 65,
        engineers: [1, 3],
        offers: [{ capability: "NON_DESTRUCTIVE_TESTING", unitPrice: "3400.00", engineerHoursPerUnit: 1.5, minLeadDays: 5, minLot: 1, maxLot: 2000 }],
      },
      { name: "Voronezh State Technical University", kind: "UNIVERSITY", description: "Trains the cluster's engineers: machining, welding and materials science.", employeeCount: 2100 },
      { name: "Lipetsk Metal Supply", kind: "SUPPLIER", description: "Steel bar, plate and alloying materials for the cluster's foundries and machine shops.", employeeCount: 140 },
      { name: "Chernozem Development Bank", kind: "FINANCIAL_INSTITUTION", description: "Lends to the cluster's manufacturers against their order books.", employeeCount: 800 },
    ],
  },
  {
    // A second, smaller cluster, so that parkComparison has two clusters to set side by side.
    name: "Tula Machine-Tool Cluster",
    kind: "CLUSTER",
    region: "Tula region",
    description: "Machine-tool makers and the foundry and machine shops that supply their beds and spindles.",
    companies: [
      { name: "TulaTochMash", kind: "PRODUCT", description: "Precision CNC machine tools.", employeeCount: 420 },
      {
        name: "Tula Precision Machining",
        kind: "CONTRACT",
        description: "CNC machining of spindles, slides and housings.",
        employeeCount: 160,
        engineers: [2, 10],
                // Dearer and slower than the other parks' machine shops: it works for its own cluster, and leaves their demo plans as they are.
        offers: [{ capability: "MECHANICAL_MACHINING", unitPrice: "9800.00", engineerHoursPerUnit: 1.5, minLeadDays: 70, minLot: 20, maxLot: 20000 }],
      },
      {
        name: "Aleksin Foundry",
        kind: "CONTRACT",
        description: "Grey-iron castings for machine beds.",
        employeeCount: 210,
        engineers: [1, 8],
        offers: [{ capability: "CASTING", unitPrice: "21500.00", engineerHoursPerUnit: 4, minLeadDays: 70, minLot: 10, maxLot: 5000 }],
      },
    ],
  },
];

const WOMEN = ["Anna", "Daria", "Irina", "Maria", "Olga", "Svetlana"];
const MEN = ["Boris", "Egor", "Kirill", "Nikita", "Pavel", "Timur"];
const SURNAMES = ["Ivanov", "Petrov", "Sokolov", "Volkov", "Morozov", "Lebedev", "Kozlov", "Novikov", "Orlov", "Zaitsev"];

/** A stable, distinct demo name for the n-th engineer (distinct for the first 120). */
export function demoEngineerName(n: number): string {
  const woman = n % 2 === 0;
  const first = (woman ? WOMEN : MEN)[Math.floor(n / 2) % 6];
  const surname = SURNAMES[Math.floor(n / 12) % SURNAMES.length] + (woman ? "a" : "");
  return `${first} ${surname}`;
}
