export const PACKAGE_NAME = '@plugboard/sandbox';
