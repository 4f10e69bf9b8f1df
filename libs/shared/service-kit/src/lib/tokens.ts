export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SUBJECTS = Symbol('SUBJECTS');
