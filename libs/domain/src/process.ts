/** The durable processes the product runs, one workflow type each. */
export const PROCESS_KINDS = ['notification', 'investigation', 'placement', 'transition', 'advisory', 'case'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

/** Who reported a concern (underretning). Professionals get a receipt and feedback by law. */
export const NOTIFICATION_SOURCES = ['professional', 'citizen', 'anonymous', 'child'] as const;
export type NotificationSource = (typeof NOTIFICATION_SOURCES)[number];
