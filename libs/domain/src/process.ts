/** The durable processes the product runs, one workflow type each. */
export const PROCESS_KINDS = ['notification', 'investigation', 'preventive-measure', 'placement', 'transition', 'advisory', 'case'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

/** Who reported a concern (underretning). Professionals get a receipt and feedback by law. */
export const NOTIFICATION_SOURCES = ['professional', 'citizen', 'anonymous', 'child'] as const;
export type NotificationSource = (typeof NOTIFICATION_SOURCES)[number];

/** What kind of professional notified (they get a receipt and feedback by law). */
export const PROFESSIONAL_KINDS = ['school', 'daycare', 'health', 'police', 'doctor', 'hospital', 'social', 'other'] as const;
export type ProfessionalKind = (typeof PROFESSIONAL_KINDS)[number];
