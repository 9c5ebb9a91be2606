//! The report's charts, drawn at build time as inline SVG with `plotters`:
//! themes over time (small multiples), heatmaps (theme co-occurrence,
//! speaker × theme) and horizontal bars (organisations and roles by
//! quotes). Every chart has a title, labelled axes or cells, and its units;
//! data marks are drawn in colour, axes and grid in greys.

use plotters::coord::combinators::BindKeyPoints;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What can go wrong while drawing (reported by the caller with the file).
pub type ChartResult<T> = Result<T, Box<dyn std::error::Error>>;

const FONT: &str = "sans-serif";
const AXIS_GREY: RGBColor = RGBColor(85, 85, 85);
const TEXT: RGBColor = RGBColor(34, 34, 34);
const BAR: RGBColor = RGBColor(78, 121, 167);

/// Colours for themes, in order (Tableau 10 and two more); they repeat
/// after twelve.
pub const PALETTE: [&str; 12] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#8cd17d", "#17becf", "#d37295",
];

/// The RGB colour of a `#rrggbb` string (black if it is not one).
pub fn rgb(hex: &str) -> RGBColor {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    RGBColor(c(0), c(2), c(4))
}

/// Characters kept of a label; longer ones end in `…`.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// One series of the chart of themes over time.
pub struct ThemeSeries {
    /// The theme label (the panel's title).
    pub label: String,
    /// `#rrggbb`.
    pub color: String,
    /// Hits per 1,000 words in each month (`None`: no words that month).
    pub monthly: Vec<Option<f64>>,
    /// The 12-month moving rate, when the span is long enough to need it.
    pub smooth: Option<Vec<Option<f64>>>,
}

/// Themes over time: a bar panel of documents per month, then one panel per
/// theme with its monthly rate (and 12-month moving rate on long spans).
pub fn themes_over_time(
    months: &[String],
    documents: &[usize],
    series: &[ThemeSeries],
) -> ChartResult<String> {
    let cols = if series.len() > 3 { 2 } else { 1 };
    let rows = series.len().div_ceil(cols);
    let (w, panel_h, top_h) = (1100u32, 210u32, 220u32);
    let h = 40 + top_h + panel_h * rows as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let root = root.titled(
            "Theme hits per 1,000 words, by month of publication",
            (FONT, 28).into_font().color(&TEXT),
        )?;
        let (top, rest) = root.split_vertically(top_h);
        let axis = MonthAxis::new(months);
        documents_panel(&top, &axis, documents)?;
        for (area, s) in rest.split_evenly((rows, cols)).iter().zip(series) {
            theme_panel(area, &axis, s)?;
        }
        root.present()?;
    }
    Ok(svg)
}

/// Month labels and the months that get a tick.
struct MonthAxis<'a> {
    months: &'a [String],
    ticks: Vec<i32>,
}

impl<'a> MonthAxis<'a> {
    fn new(months: &'a [String]) -> Self {
        let n = months.len();
        let ticks: Vec<i32> = if n <= 18 {
            let step = n.div_ceil(9).max(1);
            (0..n).step_by(step).map(|i| i as i32).collect()
        } else {
            // Januaries, every `step` years, at most ten of them
            let januaries: Vec<usize> = (0..n).filter(|&i| months[i].ends_with("-01")).collect();
            let step = januaries.len().div_ceil(10).max(1);
            januaries.iter().step_by(step).map(|&i| i as i32).collect()
        };
        MonthAxis { months, ticks }
    }

    fn label(&self, i: i32) -> String {
        let m = self
            .months
            .get(i as usize)
            .map(String::as_str)
            .unwrap_or("");
        if self.months.len() <= 18 {
            m.to_string()
        } else {
            m.get(..4).unwrap_or(m).to_string()
        }
    }

    /// The x axis runs in tenths of a month (month `i` is at `10 * i`), so
    /// that a bar can take most of its month; room on either side, so that
    /// the first and last bars show whole.
    fn range(&self) -> std::ops::Range<i32> {
        -6..self.months.len() as i32 * 10 - 4
    }

    fn key_points(&self) -> Vec<i32> {
        self.ticks.iter().map(|&i| i * 10).collect()
    }
}

fn documents_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    axis: &MonthAxis,
    documents: &[usize],
) -> ChartResult<()>
where
    DB::ErrorType: 'static,
{
    let max = documents.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.1;
    let mut chart = ChartBuilder::on(area)
        .caption(
            "Documents per month (the base of every rate below)",
            (FONT, 21).into_font().color(&TEXT),
        )
        .margin(8)
        .margin_right(24)
        .x_label_area_size(30)
        .y_label_area_size(78)
        .build_cartesian_2d(axis.range().with_key_points(axis.key_points()), 0f64..max)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .axis_style(AXIS_GREY)
        .x_label_formatter(&|x| axis.label(x.div_euclid(10)))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .y_labels(4)
        .y_desc("documents")
        .label_style((FONT, 17).into_font().color(&TEXT))
        .axis_desc_style((FONT, 17).into_font().color(&TEXT))
        .draw()?;
    chart.draw_series(
        documents
            .iter()
            .enumerate()
            .filter(|(_, d)| **d > 0)
            .map(|(i, d)| {
                let x = i as i32 * 10;
                Rectangle::new([(x - 4, 0.0), (x + 4, *d as f64)], BAR.mix(0.85).filled())
            }),
    )?;
    Ok(())
}

fn theme_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    axis: &MonthAxis,
    s: &ThemeSeries,
) -> ChartResult<()>
where
    DB::ErrorType: 'static,
{
    let max = y_max(s);
    let color = rgb(&s.color);
    let mut chart = ChartBuilder::on(area)
        .caption(&s.label, (FONT, 21).into_font().color(&TEXT))
        .margin(8)
        .margin_right(24)
        .x_label_area_size(30)
        .y_label_area_size(78)
        .build_cartesian_2d(axis.range().with_key_points(axis.key_points()), 0f64..max)?;
    let decimals = if max < 1.0 { 2 } else { 1 };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .axis_style(AXIS_GREY)
        .x_label_formatter(&|x| axis.label(x.div_euclid(10)))
        .y_label_formatter(&|v| format!("{v:.decimals$}"))
        .y_labels(4)
        .y_desc("hits / 1,000 words")
        .label_style((FONT, 17).into_font().color(&TEXT))
        .axis_desc_style((FONT, 16).into_font().color(&TEXT))
        .draw()?;
    let faint = s.smooth.is_some();
    let monthly_style = if faint {
        color.mix(0.35).stroke_width(1)
    } else {
        color.stroke_width(2)
    };
    // monthly values above the scale (single spikes, when the trend line
    // sets it) are drawn at its top
    let clipped: Vec<Option<f64>> = s.monthly.iter().map(|v| v.map(|v| v.min(max))).collect();
    for run in runs(&clipped) {
        chart.draw_series(LineSeries::new(run.clone(), monthly_style))?;
        if !faint {
            chart.draw_series(run.iter().map(|p| Circle::new(*p, 3, color.filled())))?;
        }
    }
    if let Some(smooth) = &s.smooth {
        for run in runs(smooth) {
            chart.draw_series(LineSeries::new(run, color.stroke_width(3)))?;
        }
    }
    Ok(())
}

/// The top of a panel's scale: above the highest monthly rate; with a
/// trend line, above the trend and the 98th percentile of the monthly
/// rates, so that one spike does not flatten the trend.
fn y_max(s: &ThemeSeries) -> f64 {
    let mut monthly: Vec<f64> = s.monthly.iter().flatten().copied().collect();
    monthly.sort_by(f64::total_cmp);
    let top = match &s.smooth {
        None => monthly.last().copied().unwrap_or(0.0),
        Some(smooth) => {
            let trend = smooth.iter().flatten().copied().fold(0f64, f64::max);
            let p98 = monthly
                .get((monthly.len() as f64 * 0.98) as usize)
                .or(monthly.last())
                .copied()
                .unwrap_or(0.0);
            p98.max(trend * 1.25)
        }
    };
    if top > 0.0 { top * 1.1 } else { 1.0 }
}

/// The unbroken runs of a series: a month without words breaks the line.
fn runs(values: &[Option<f64>]) -> Vec<Vec<(i32, f64)>> {
    let mut out: Vec<Vec<(i32, f64)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i as i32 * 10, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A table of numbers drawn as shaded cells.
pub struct Heatmap {
    /// The chart's title.
    pub title: String,
    /// What the shade means (shown beside the colour key).
    pub shade_note: String,
    /// The colour key's labels at its light and dark ends.
    pub key: (String, String),
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub cols: Vec<String>,
    /// The number printed in each cell.
    pub values: Vec<Vec<usize>>,
    /// The shade of each cell, 0 to 1 (`None`: a cell drawn apart, in grey).
    pub shade: Vec<Vec<Option<f64>>>,
    /// An extra column of plain numbers at the right: header and values.
    pub extra: Option<(String, Vec<usize>)>,
}

/// The colour of a shade from 0 (near white) to 1 (dark blue).
fn shade_color(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let lerp = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(lerp(239.0, 8.0), lerp(243.0, 48.0), lerp(255.0, 107.0))
}

/// Draws a heatmap: row labels at the left, column labels standing up at
/// the top, the number in each cell, a colour key under the grid.
pub fn heatmap(map: &Heatmap) -> ChartResult<String> {
    let (cell_w, cell_h) = (84i32, 32i32);
    let longest = |v: &[String]| v.iter().map(|s| s.chars().count()).max().unwrap_or(0) as i32;
    let label_w = (longest(&map.rows).min(40) * 9 + 16).max(120);
    let head_h = longest(&map.cols).min(24) * 8 + 12;
    let extra_w = if map.extra.is_some() { cell_w } else { 0 };
    let (top, n_rows, n_cols) = (48, map.rows.len() as i32, map.cols.len() as i32);
    let w = (label_w + n_cols * cell_w + extra_w + 24).max(640) as u32;
    let grid_top = top + head_h;
    let h = (grid_top + n_rows * cell_h + 80) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let title = (FONT, 26)
            .into_font()
            .color(&TEXT)
            .pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(map.title.clone(), (12, 10), title))?;
        let label = (FONT, 19).into_font().color(&TEXT);
        let col_label = label
            .clone()
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (j, c) in map.cols.iter().enumerate() {
            let x = label_w + j as i32 * cell_w + cell_w / 2;
            root.draw(&Text::new(
                clip(c, 24),
                (x, grid_top - 8),
                col_label.clone(),
            ))?;
        }
        if let Some((head, _)) = &map.extra {
            let x = label_w + n_cols * cell_w + cell_w / 2;
            root.draw(&Text::new(
                head.clone(),
                (x, grid_top - 8),
                col_label.clone(),
            ))?;
        }
        let row_label = label.clone().pos(Pos::new(HPos::Right, VPos::Center));
        for (i, r) in map.rows.iter().enumerate() {
            let y = grid_top + i as i32 * cell_h;
            root.draw(&Text::new(
                clip(r, 40),
                (label_w - 8, y + cell_h / 2),
                row_label.clone(),
            ))?;
            heatmap_row(&root, map, i, (label_w, y), (cell_w, cell_h))?;
        }
        let at = (label_w, grid_top + n_rows * cell_h + 18);
        color_key(&root, &map.key, &map.shade_note, at)?;
        root.present()?;
    }
    Ok(svg)
}

fn heatmap_row<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    map: &Heatmap,
    i: usize,
    (x0, y): (i32, i32),
    (cell_w, cell_h): (i32, i32),
) -> ChartResult<()>
where
    DB::ErrorType: 'static,
{
    let centre = Pos::new(HPos::Center, VPos::Center);
    for (j, v) in map.values[i].iter().enumerate() {
        let x = x0 + j as i32 * cell_w;
        let (fill, ink) = match map.shade[i][j] {
            Some(t) if *v > 0 => (shade_color(t), if t > 0.5 { WHITE } else { TEXT }),
            Some(_) => (RGBColor(248, 248, 248), RGBColor(150, 150, 150)),
            None => (RGBColor(215, 215, 215), TEXT),
        };
        root.draw(&Rectangle::new(
            [(x + 1, y + 1), (x + cell_w - 1, y + cell_h - 1)],
            fill.filled(),
        ))?;
        let style = (FONT, 19).into_font().color(&ink).pos(centre);
        root.draw(&Text::new(
            group_digits(*v),
            (x + cell_w / 2, y + cell_h / 2),
            style,
        ))?;
    }
    if let Some((_, extra)) = &map.extra {
        let x = x0 + map.cols.len() as i32 * cell_w;
        let style = (FONT, 19).into_font().color(&TEXT).pos(centre);
        let v = extra.get(i).copied().unwrap_or(0);
        root.draw(&Text::new(
            group_digits(v),
            (x + cell_w / 2, y + cell_h / 2),
            style,
        ))?;
    }
    Ok(())
}

fn color_key<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    (low, high): &(String, String),
    note: &str,
    (x, y): (i32, i32),
) -> ChartResult<()>
where
    DB::ErrorType: 'static,
{
    let (steps, step) = (10, 20);
    for k in 0..steps {
        let t = k as f64 / (steps - 1) as f64;
        let x0 = x + k * step;
        root.draw(&Rectangle::new(
            [(x0, y), (x0 + step, y + 16)],
            shade_color(t).filled(),
        ))?;
    }
    let style = (FONT, 17).into_font().color(&TEXT);
    let left = style.clone().pos(Pos::new(HPos::Left, VPos::Top));
    root.draw(&Text::new(low.clone(), (x, y + 20), left.clone()))?;
    let right = style.clone().pos(Pos::new(HPos::Right, VPos::Top));
    root.draw(&Text::new(high.clone(), (x + steps * step, y + 20), right))?;
    let note_style = style.pos(Pos::new(HPos::Left, VPos::Center));
    root.draw(&Text::new(
        note.to_string(),
        (x + steps * step + 12, y + 8),
        note_style,
    ))?;
    Ok(())
}

/// Draws horizontal bars, largest first, with the value at the end of each.
pub fn bars(title: &str, unit: &str, items: &[(String, usize)]) -> ChartResult<String> {
    let (bar_h, label_w, bar_w) = (28i32, 270i32, 300i32);
    let top = 56;
    let w = (label_w + bar_w + 80) as u32;
    let h = (top + items.len() as i32 * bar_h + 44) as u32;
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let title_style = (FONT, 24)
            .into_font()
            .color(&TEXT)
            .pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(title.to_string(), (12, 10), title_style))?;
        let label = (FONT, 18).into_font().color(&TEXT);
        for (i, (name, v)) in items.iter().enumerate() {
            let y = top + i as i32 * bar_h;
            let len = ((*v as f64 / max) * bar_w as f64).round().max(1.0) as i32;
            root.draw(&Rectangle::new(
                [(label_w, y + 3), (label_w + len, y + bar_h - 3)],
                BAR.filled(),
            ))?;
            let left = label.clone().pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(
                clip(name, 30),
                (label_w - 8, y + bar_h / 2),
                left,
            ))?;
            let right = label.clone().pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(
                group_digits(*v),
                (label_w + len + 6, y + bar_h / 2),
                right,
            ))?;
        }
        let y_axis = top + items.len() as i32 * bar_h;
        root.draw(&PathElement::new(
            vec![(label_w, top), (label_w, y_axis)],
            AXIS_GREY,
        ))?;
        let axis = label.pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(
            format!("bar length: {unit}"),
            (label_w, y_axis + 10),
            axis,
        ))?;
        root.present()?;
    }
    Ok(svg)
}

/// `12345` as `12,345`.
pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_thousands() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(15668), "15,668");
        assert_eq!(group_digits(1234567), "1,234,567");
    }

    #[test]
    fn a_month_without_words_breaks_the_line() {
        let r = runs(&[Some(1.0), Some(2.0), None, Some(3.0), None]);
        assert_eq!(r, vec![vec![(0, 1.0), (10, 2.0)], vec![(30, 3.0)]]);
    }

    #[test]
    fn charts_draw_their_marks_in_colour() {
        let months: Vec<String> = ["2025-01", "2025-02", "2025-03"].map(String::from).to_vec();
        let series = vec![ThemeSeries {
            label: "Tillit".into(),
            color: PALETTE[0].into(),
            monthly: vec![Some(1.5), None, Some(0.5)],
            smooth: None,
        }];
        let svg = themes_over_time(&months, &[2, 0, 1], &series).unwrap();
        assert!(svg.contains("Theme hits per 1,000 words"));
        assert!(svg.contains("Tillit"));
        assert!(svg.contains("hits / 1,000 words"));
        assert_eq!(
            svg.matches("<circle").count(),
            2,
            "one point per month with words"
        );
        let b = bars("Organisations", "quotes", &[("Region".into(), 3)]).unwrap();
        assert!(b.contains("#4E79A7") || b.contains("#4e79a7"), "{b}");
        let map = Heatmap {
            title: "t".into(),
            shade_note: "n".into(),
            key: ("0".into(), "3".into()),
            rows: vec!["a".into()],
            cols: vec!["x".into(), "y".into()],
            values: vec![vec![3, 0]],
            shade: vec![vec![Some(1.0), Some(0.0)]],
            extra: Some(("quotes".into(), vec![7])),
        };
        let svg = heatmap(&map).unwrap();
        assert!(
            svg.contains(">\n3\n<") || svg.contains("3\n</text>"),
            "{svg}"
        );
    }
}
