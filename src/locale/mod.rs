//! Every user-visible word, from one Fluent catalogue per language
//! (`en.ftl`, `fr.ftl`, `es.ftl` beside this file, embedded in the
//! binary). The terminal outputs are the English locale.
//!
//! Adding a language: a variant of [`Lang`] and its catalogue in
//! [`SOURCES`]; the tests below fail until the new file has every message,
//! with the same arguments, that English has.
//!
//! Arguments are passed to Fluent as finished strings (numbers formatted by
//! [`format`]), so a sentence never formats a figure on its own.

pub mod countries;
pub mod format;
pub mod words;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Serialize;

pub use countries::{country, country_or_code};
pub use format::*;
pub use words::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Es,
}

/// The catalogue of each language, in the order of [`Lang::ALL`].
const SOURCES: [&str; 3] = [include_str!("en.ftl"), include_str!("fr.ftl"), include_str!("es.ftl")];

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    fn source(self) -> &'static str {
        SOURCES[self as usize]
    }
}

/// The message ids of a catalogue, in file order: the lines `id = ...`.
fn ids(source: &str) -> impl Iterator<Item = &str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once(" =")?;
        let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        ok.then_some(id)
    })
}

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// The messages without arguments, formatted once.
    texts: BTreeMap<&'static str, &'static str>,
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static ALL: OnceLock<Vec<Catalogue>> = OnceLock::new();
    &ALL.get_or_init(|| Lang::ALL.into_iter().map(load).collect())[lang as usize]
}

fn load(lang: Lang) -> Catalogue {
    let resource = FluentResource::try_new(lang.source().to_string())
        .unwrap_or_else(|(_, e)| panic!("{}.ftl does not parse: {e:?}", lang.code()));
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around arguments would print as boxes in the PDF.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|e| panic!("{}.ftl repeats a message: {e:?}", lang.code()));
    let mut texts = BTreeMap::new();
    for id in ids(lang.source()) {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        if errors.is_empty() {
            // Formatted once per language for the life of the program.
            texts.insert(id, &*Box::leak(text.into_owned().into_boxed_str()));
        }
    }
    Catalogue { bundle, texts }
}

/// A message without arguments, if the catalogue has it.
pub fn get(lang: Lang, id: &str) -> Option<&'static str> {
    catalogue(lang).texts.get(id).copied()
}

/// A message without arguments. Every id the code asks for exists in every
/// catalogue (a test reads the sources to prove it); an unknown id prints
/// nothing rather than stopping the program.
pub fn text(lang: Lang, id: &str) -> &'static str {
    get(lang, id).unwrap_or_default()
}

/// A terminal word: the terminal is the English locale. Some ids reach it
/// through a variable, out of the id scan's sight, so a debug build (every
/// test) stops on an id the catalogue lacks.
pub fn term(id: &str) -> &'static str {
    debug_assert!(
        get(Lang::En, id).is_some(),
        "en.ftl has no message `{id}` without arguments"
    );
    text(Lang::En, id)
}

/// A terminal sentence with its arguments: `term_message("check-ok", [("summary", s.into())])`.
pub fn term_message<const N: usize>(id: &str, args: [(&str, Arg); N]) -> String {
    debug_assert!(
        catalogue(Lang::En).bundle.has_message(id),
        "en.ftl has no message `{id}`"
    );
    message(Lang::En, id, args)
}

/// One argument of a message.
pub enum Arg {
    Text(String),
    /// A number Fluent may select on (`1er` for the first day in French).
    Count(u32),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

/// A count, for the plural of the word after it.
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(u32::try_from(n).unwrap_or(u32::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(n)
    }
}

/// A message with its arguments: `message(lang, "pdf-page", [("n", n.into()), ("m", m.into())])`.
pub fn message<const N: usize>(lang: Lang, id: &str, args: [(&str, Arg); N]) -> String {
    let bundle = &catalogue(lang).bundle;
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return String::new();
    };
    let mut fargs = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(s) => fargs.set(name, FluentValue::from(s)),
            Arg::Count(n) => fargs.set(name, FluentValue::from(n)),
        }
    }
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
    debug_assert!(errors.is_empty(), "{id} in {}: {errors:?}", lang.code());
    out
}

/// Every label of a language, for templates (`labels.baseline`): the
/// messages whose id has no hyphen.
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    catalogue(lang)
        .texts
        .iter()
        .filter(|(id, _)| !id.contains('-'))
        .map(|(&k, &v)| (k, v))
        .collect()
}

#[cfg(test)]
mod tests;
