/**
 * The entity stage: gazetteer lookup plus rules for unlisted names, then in-document
 * coreference. The mechanisms live in `./entities/*`; this module composes them and turns
 * token spans into `Entity`/`Mention` objects with offsets into the original text.
 */
export { findEntities } from './entities/find.js';
