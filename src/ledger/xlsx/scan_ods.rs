//! The pre-scan of an .ods file: `content.xml` streamed, repeated rows and
//! columns counted rather than expanded.

use super::extent::SheetExtent;

/// An attribute's value as a number (`table:number-rows-repeated`), 1 when
/// absent.
pub(super) fn repeat(e: &quick_xml::events::BytesStart, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// The tables of `content.xml` with where their used cells lie. A cell is
/// used when it has a value type or any content.
pub(super) fn scan_ods(content: impl std::io::BufRead) -> Result<Vec<SheetExtent>, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = Vec::new();
    let mut tables: Vec<SheetExtent> = Vec::new();
    let (mut row, mut row_repeat, mut col) = (0u64, 1u64, 0u64);
    // A cell opened without a value type: used if anything is inside it.
    let mut open_cell: Option<(u64, u64)> = None;
    let cover = |tables: &mut Vec<SheetExtent>, (row, row_repeat): (u64, u64), (col, n): (u64, u64)| {
        if let Some(t) = tables.last_mut() {
            let last = col.saturating_add(n - 1);
            t.cover((row, row.saturating_add(row_repeat - 1)), (col, last), true);
        }
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    let name = e
                        .try_get_attribute("table:name")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default();
                    tables.push(SheetExtent {
                        name,
                        ..SheetExtent::default()
                    });
                    row = 0;
                }
                "table:table-row" => {
                    row_repeat = repeat(&e, "table:number-rows-repeated");
                    col = 0;
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeat(&e, "table:number-columns-repeated");
                    if e.try_get_attribute("office:value-type").ok().flatten().is_some() {
                        cover(&mut tables, (row, row_repeat), (col, n));
                    } else if !empty {
                        open_cell = Some((col, n));
                    }
                    col = col.saturating_add(n);
                }
                _ => {
                    if let Some(cell) = open_cell.take() {
                        cover(&mut tables, (row, row_repeat), cell);
                    }
                }
            },
            Event::Text(t) if open_cell.is_some() && !t.trim().is_empty() => {
                if let Some(cell) = open_cell.take() {
                    cover(&mut tables, (row, row_repeat), cell);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => row = row.saturating_add(row_repeat),
                "table:table-cell" | "table:covered-table-cell" => open_cell = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(tables)
}
