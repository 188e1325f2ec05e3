//! The report's charts: one progress chart per indicator (target in force
//! against the actual to date, period by period), the burn-rate chart of
//! the financial section and one summary bar chart (percent of the target
//! to date per indicator).
//!
//! Each chart is described once ([`model`]: data, scales, ticks, caps,
//! labels, legend) from the [`Report`] and drawn by two drawers: as SVG
//! text here ([`svg`], for the Markdown report) and as PDF drawing
//! operations by `super::pdf::charts`. Neither drawer computes a figure.
//! A status looks the same in both ([`look`]: colour and pattern).

pub(crate) mod look;
pub(crate) mod model;
mod svg;

use crate::report::{IndicatorSection, Report};

/// The progress chart of one indicator, as SVG: target in force (dashed)
/// and actual to date (solid) at each reporting period.
pub(crate) fn indicator(report: &Report, ind: &IndicatorSection) -> String {
    svg::line_chart(&model::indicator(report, ind))
}

/// The burn-rate chart of the financial section, as SVG: cumulative
/// spending (solid) against the share of the project's time elapsed
/// (dashed), in percent.
pub(crate) fn burn(report: &Report) -> Option<String> {
    model::burn(report).map(|c| svg::line_chart(&c))
}

/// The summary chart, as SVG: horizontal bars of the percent of the target
/// to date per indicator, with the 100 % line; bars longer than 150 % are
/// cut and keep their label.
pub(crate) fn summary(report: &Report) -> String {
    svg::bar_chart(&model::summary(report))
}

/// A standard indicator's chart in the portfolio report, as SVG: each
/// framework's contribution.
pub(crate) fn contributions(
    r: &crate::report::portfolio::PortfolioReport,
    s: &crate::report::portfolio::StandardSection,
) -> String {
    svg::bar_chart(&model::contributions(r.lang, &r.labels, s))
}
