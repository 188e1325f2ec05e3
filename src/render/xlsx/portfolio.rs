//! The portfolio as a workbook: the roll-up (the CSV's rows, numbers as
//! numbers), each framework's status counts at its period, and the funding
//! totals per currency (never added across currencies).

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{Built, Sheet, f64_of};
use crate::compute::Status;
use crate::compute::portfolio::Portfolio;
use crate::locale::term;
use crate::render::portfolio::{NUMBER_COLUMNS, ROLLUP_COLUMNS, rollup_rows};

/// The workbook of `p`.
pub fn workbook(p: &Portfolio) -> Result<Built, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time keeps the file the same for the same input.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Portfolio {}", p.date))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let mut truncated = Vec::new();

    let ws = wb.add_worksheet().set_name("Standards")?;
    let mut sheet = Sheet {
        ws,
        truncated: &mut truncated,
    };
    for (c, name) in ROLLUP_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &bold)?;
    }
    for (r, row) in rollup_rows(p).iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<Decimal>() {
                Ok(d) if NUMBER_COLUMNS.contains(&c) => {
                    sheet.write_number(r, c as u16, f64_of(d))?;
                }
                _ => sheet.write_string(r, c as u16, cell)?,
            }
        }
    }

    let ws = wb.add_worksheet().set_name("Frameworks")?;
    let mut sheet = Sheet {
        ws,
        truncated: &mut truncated,
    };
    let mut head = vec!["framework".to_string(), "period".to_string()];
    head.extend(
        Status::ALL
            .iter()
            .map(|s| crate::locale::status(crate::locale::Lang::En, *s).to_string()),
    );
    head.push(term("portfolio-col-off-track").to_string());
    for (c, name) in head.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &bold)?;
    }
    for (r, f) in p.frameworks.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, &f.framework)?;
        sheet.write_string(r, 1, f.period.map(|p| p.to_string()).unwrap_or_default())?;
        for (k, s) in Status::ALL.iter().enumerate() {
            sheet.write_number(r, 2 + k as u16, *f.counts.get(s).unwrap_or(&0) as f64)?;
        }
        sheet.write_string(r, 2 + Status::ALL.len() as u16, f.off_track.join(", "))?;
    }

    let ws = wb.add_worksheet().set_name("Funding")?;
    let mut sheet = Sheet {
        ws,
        truncated: &mut truncated,
    };
    for (c, name) in ["currency", "projects", "budget", "pledged", "shortfall"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(0, c as u16, *name, &bold)?;
    }
    for (r, t) in p.funding.totals.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, &t.currency)?;
        sheet.write_number(r, 1, t.projects as f64)?;
        for (k, d) in [t.budget, t.pledged, t.shortfall].into_iter().enumerate() {
            sheet.write_number_with_format(r, 2 + k as u16, f64_of(d), &money)?;
        }
    }
    Ok(Built {
        bytes: wb.save_to_buffer()?,
        truncated,
    })
}
