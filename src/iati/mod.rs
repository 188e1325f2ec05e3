//! IATI 2.03: `logframe export iati` writes an `iati-activities` document
//! for one framework; `logframe import-iati` turns a published activity's
//! results back into a framework folder.
//!
//! Both directions speak the official 2.03 schema only (validated with
//! xmllint in the tests). What IATI has no element for and a round trip
//! needs (the logframe result id and level, the indicator type, unit and
//! aggregation rule, the parts of a percentage) travels in attributes of
//! the `urn:logframe:iati` namespace, which the schema allows on every
//! element (`anyAttribute namespace="##other"`) and other readers ignore.
//!
//! Mappings, written once here so that writer and reader agree:
//!
//! - `result@type` from the result level: output 1, outcome /
//!   intermediate_outcome / immediate_outcome 2, impact / ultimate_outcome
//!   3, any other level 9 (other).
//! - `indicator@measure` from the indicator type: count and number 1
//!   (unit), percentage 2, milestone 3 (nominal: 1 done, 0 not done),
//!   qualitative with a score scale 4 (ordinal: the score in `@value`, the
//!   text in the comment), qualitative without a scale 5 (qualitative: no
//!   `@value`, the text in the comment).
//! - `reporting-org@ref` is the organisation prefix of `project.iati_id`
//!   (everything before its last `-`: `CA-3-P009615001` -> `CA-3`), as IATI
//!   requires the activity identifier to start with it.

pub mod export;
pub mod generate;
pub mod import;

/// The namespace of logframe's extension attributes.
pub const NS: &str = "urn:logframe:iati";
/// The prefix the writer binds [`NS`] to.
pub const PREFIX: &str = "logframe";
