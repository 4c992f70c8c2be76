export type LocalisedText = { vi?: string; en?: string; zh?: string };
