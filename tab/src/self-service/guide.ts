/** The knowledge base article for people restoring their own data ("Guida Self Service Restore" in the customer guide). */
export const selfServiceGuideSlug = 'guida-restore-self-service';
