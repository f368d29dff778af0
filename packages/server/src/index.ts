export const PACKAGE_NAME = '@plugboard/server';
