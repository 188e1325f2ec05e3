//! The report's outline: which parts come in which order, and which
//! results each results part holds. The layout decides it once, here; the
//! built-in Markdown templates and the PDF both walk it, so the two
//! formats cannot disagree on the order of a donor's report.

use serde::Serialize;

use super::{Layout, LevelFacts, ResultSection};

/// One part of the report body (after the title block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Part {
    Summary,
    Funding,
    /// A heading (a label key: `results`, `outcomes`, `outputs`) and the
    /// results under it, as indexes into `Report::results`.
    Results {
        heading: &'static str,
        results: Vec<usize>,
    },
    /// Gender equality results: shares by sex (when an indicator is
    /// disaggregated by sex).
    Gender,
    /// The risk register at the period (when there is one).
    Risks,
    /// Planned vs done in the period, and the next period (when there is
    /// a workplan).
    Workplan,
    Narrative,
    Annex,
}

/// The parts of a report in `layout`: the general layout keeps the
/// logframe's order; Global Affairs Canada's puts every outcome level
/// before the outputs.
pub fn outline(layout: Layout, levels: &[LevelFacts], results: &[ResultSection]) -> Vec<Part> {
    let mut parts = vec![Part::Summary, Part::Funding];
    match layout {
        Layout::General => parts.push(Part::Results {
            heading: "results",
            results: (0..results.len()).collect(),
        }),
        Layout::Gac => {
            for (heading, outputs) in [("outcomes", false), ("outputs", true)] {
                let chosen = levels
                    .iter()
                    .filter(|lv| lv.is_output == outputs)
                    .flat_map(|lv| {
                        results
                            .iter()
                            .enumerate()
                            .filter(move |(_, r)| r.level == lv.id)
                            .map(|(i, _)| i)
                    })
                    .collect();
                parts.push(Part::Results {
                    heading,
                    results: chosen,
                });
            }
        }
    }
    // After the results it draws on, before the narrative that explains them.
    // The risk register and the workplan follow, in both layouts, in the
    // order Global Affairs Canada's narrative report asks for them (gender
    // equality results, then risks and their mitigation, then outputs
    // delivered vs planned and the workplan for the next period): every
    // structured table comes before the team's prose, so that the
    // narrative's lessons and explanations can refer to the risks and
    // activities the reader has just seen.
    parts.extend([Part::Gender, Part::Risks, Part::Workplan, Part::Narrative, Part::Annex]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(id: &str, is_output: bool) -> LevelFacts {
        LevelFacts {
            id: id.into(),
            name: id.into(),
            is_output,
        }
    }

    fn results_at(levels: &[&str]) -> Vec<ResultSection> {
        levels
            .iter()
            .enumerate()
            .map(|(i, l)| ResultSection {
                id: format!("r{i}"),
                level: l.to_string(),
                level_name: l.to_string(),
                depth: 0,
                is_output: *l == "output",
                statement: String::new(),
                assumptions: Vec::new(),
                indicators: Vec::new(),
                period_target_column: false,
                notes: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn gac_puts_every_outcome_before_the_outputs_and_general_keeps_logframe_order() {
        let levels = [
            level("outcome", false),
            level("immediate", false),
            level("output", true),
        ];
        // Depth first, as a logframe lists them: outcome, output, immediate, output.
        let results = results_at(&["outcome", "output", "immediate", "output"]);
        let general = outline(Layout::General, &levels, &results);
        assert_eq!(
            general[2],
            Part::Results {
                heading: "results",
                results: vec![0, 1, 2, 3]
            }
        );
        let gac = outline(Layout::Gac, &levels, &results);
        assert_eq!(gac.len(), 9);
        assert_eq!(
            gac[2],
            Part::Results {
                heading: "outcomes",
                results: vec![0, 2]
            }
        );
        assert_eq!(
            gac[3],
            Part::Results {
                heading: "outputs",
                results: vec![1, 3]
            }
        );
        for o in [&general, &gac] {
            assert_eq!(o[..2], [Part::Summary, Part::Funding]);
            assert_eq!(
                o[o.len() - 5..],
                [Part::Gender, Part::Risks, Part::Workplan, Part::Narrative, Part::Annex]
            );
        }
    }
}
