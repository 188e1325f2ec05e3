//! The context every reader of an activity shares ([`Ctx`]): the file that
//! warnings point into, the activity's language, the prefix bound to
//! logframe's namespace, and the warnings so far. Warnings pile up here so
//! that one import reports them all instead of stopping at the first.

use std::cell::RefCell;

use rust_decimal::Decimal;

use super::activity::{Texts, texts};
use super::xml::Node;
use super::xml::number_attr;
use crate::diag::{Diagnostic, Diagnostics};
use crate::iati::NS;
use crate::source::FileId;

/// What reading an activity needs everywhere: the file (that warnings
/// point into), the activity's language, the prefix bound to logframe's
/// namespace, and the warnings so far.
pub(super) struct Ctx {
    pub(super) id: FileId,
    pub(super) lang: String,
    pub(super) prefix: Option<String>,
    pub(super) warnings: RefCell<Diagnostics>,
}

impl Ctx {
    pub(super) fn new(root: &Node, act: &Node, id: FileId) -> Ctx {
        let prefix = [act, root]
            .iter()
            .flat_map(|n| n.attrs.iter())
            .find(|(k, v)| k.starts_with("xmlns:") && v == NS)
            .map(|(k, _)| k["xmlns:".len()..].to_string());
        let lang = act
            .attr("xml:lang")
            .map(str::to_ascii_lowercase)
            .unwrap_or_else(|| "en".into());
        Ctx {
            id,
            lang,
            prefix,
            warnings: RefCell::new(Diagnostics::default()),
        }
    }

    /// A logframe extension attribute of `n`, trimmed.
    pub(super) fn ext(&self, n: &Node, name: &str) -> Option<String> {
        let p = self.prefix.as_ref()?;
        n.attr(&format!("{p}:{name}")).map(str::trim).map(str::to_string)
    }

    /// A logframe extension element under `n`.
    pub(super) fn ext_child<'n>(&self, n: &'n Node, name: &str) -> Option<&'n Node> {
        let p = self.prefix.as_ref()?;
        n.child(&format!("{p}:{name}"))
    }

    /// A warning, located at the start tag of `at`.
    pub(super) fn warn(&self, at: &Node, msg: String, hint: &str) {
        self.warnings
            .borrow_mut()
            .push(Diagnostic::warning(msg).at(at.span(self.id)).hint(hint.to_string()));
    }

    /// A number attribute; one that is not a number is a located warning.
    pub(super) fn num(&self, n: &Node, attr: &str) -> Option<Decimal> {
        match number_attr(n, attr) {
            Ok(v) => v,
            Err((msg, hint)) => {
                self.warn(n, msg, &hint);
                None
            }
        }
    }

    pub(super) fn texts(&self, n: Option<&Node>) -> Texts {
        texts(n, &self.lang)
    }
}
