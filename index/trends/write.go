package trends

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// WriteCSV writes the trend table, one row per theme or term: id, labels,
// trend, change (pp), g2, p, then docs_YEAR and share_YEAR per year.
func WriteCSV(w io.Writer, r *Result) error {
	cw := csv.NewWriter(w)
	head := []string{"id", "label_en", "label_zh", "trend", "change_pp", "g2", "p"}
	for _, y := range r.Years {
		head = append(head, "docs_"+strconv.Itoa(y))
	}
	for _, y := range r.Years {
		head = append(head, "share_"+strconv.Itoa(y))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	row := []string{"", "meetings", "会议数", "", "", "", ""}
	for _, y := range r.Years {
		row = append(row, strconv.Itoa(r.MeetingsByYear[y]))
	}
	for range r.Years {
		row = append(row, "100")
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for _, t := range r.Themes {
		row := []string{t.ID, t.LabelEN, t.LabelZH, t.Trend, ff(t.Change), ff(t.G2), fp(t.P)}
		for _, y := range r.Years {
			row = append(row, strconv.Itoa(t.DocsByYear[y]))
		}
		for _, y := range r.Years {
			row = append(row, ff(t.ShareByYear[y]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the table for a terminal: meetings per year, then the
// themes with their shares, change, G², p and label.
func WriteText(w io.Writer, r *Result, limit int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	var b strings.Builder
	b.WriteString("year")
	for _, y := range r.Years {
		fmt.Fprintf(&b, "\t%d", y)
	}
	b.WriteString("\t\t\t\t\n")
	b.WriteString("meetings")
	for _, y := range r.Years {
		fmt.Fprintf(&b, "\t%d", r.MeetingsByYear[y])
	}
	b.WriteString("\tchange pp\tG²\tp\ttrend\n")
	for i, t := range r.Themes {
		if limit > 0 && i >= limit {
			break
		}
		name := t.ID
		if t.LabelZH != "" || t.LabelEN != "" {
			name = strings.TrimSpace(t.LabelZH + " " + t.LabelEN)
		}
		b.WriteString(name)
		for _, y := range r.Years {
			fmt.Fprintf(&b, "\t%d (%.1f%%)", t.DocsByYear[y], t.ShareByYear[y])
		}
		fmt.Fprintf(&b, "\t%+.1f\t%.2f\t%s\t%s\n", t.Change, t.G2, fp(t.P), t.Trend)
	}
	if _, err := io.WriteString(tw, b.String()); err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Compare.Study) > 0 && len(r.Compare.Reference) > 0 {
		_, err := fmt.Fprintf(w, "G² compares %s with %s (%s baseline), significance level %.3g\n",
			span(r.Compare.Study), span(r.Compare.Reference), r.Compare.Baseline, r.Compare.Alpha)
		return err
	}
	return nil
}

// WriteAttentionCSV writes attention over time in long form: query, year,
// docs, meetings, share.
func WriteAttentionCSV(w io.Writer, a *Attention) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"query", "year", "docs", "meetings", "share"}); err != nil {
		return err
	}
	for _, s := range a.Series {
		for _, y := range a.Years {
			if err := cw.Write([]string{s.Query, strconv.Itoa(y), strconv.Itoa(s.DocsByYear[y]),
				strconv.Itoa(a.MeetingsByYear[y]), ff(s.ShareByYear[y])}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteAttentionText writes the series side by side for a terminal.
func WriteAttentionText(w io.Writer, a *Attention) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "year\tmeetings")
	for _, s := range a.Series {
		fmt.Fprintf(tw, "\t%s", s.Query)
	}
	fmt.Fprintln(tw)
	for _, y := range a.Years {
		fmt.Fprintf(tw, "%d\t%d", y, a.MeetingsByYear[y])
		for _, s := range a.Series {
			fmt.Fprintf(tw, "\t%d (%.1f%%)", s.DocsByYear[y], s.ShareByYear[y])
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// WriteContextCSV writes keyword-in-context lines.
func WriteContextCSV(w io.Writer, lines []Line) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"year", "date", "org", "left", "match", "right", "url", "title", "id"}); err != nil {
		return err
	}
	for _, l := range lines {
		if err := cw.Write([]string{yearString(l.Year), l.Date, l.Org, l.Left, l.Match, l.Right, l.URL, l.Title, l.ArticleID}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteContextText writes the lines as a concordance: the left context
// right-aligned (by rune count), the match in brackets, the right context,
// then year, organisation and link.
func WriteContextText(w io.Writer, lines []Line) error {
	wide := 0
	for _, l := range lines {
		wide = max(wide, displayWidth(l.Left))
	}
	for _, l := range lines {
		pad := strings.Repeat(" ", wide-displayWidth(l.Left))
		if _, err := fmt.Fprintf(w, "%s%s [%s] %s  | %s %s %s\n", pad, l.Left, l.Match, l.Right, yearString(l.Year), l.Org, l.URL); err != nil {
			return err
		}
	}
	return nil
}

// displayWidth counts wide (CJK) runes as two terminal columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func span(ys []int) string {
	if len(ys) == 1 {
		return strconv.Itoa(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}

func ff(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func fp(p float64) string { return strconv.FormatFloat(p, 'g', 4, 64) }
