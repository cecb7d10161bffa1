package trends

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
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
// themes with their shares, change, G², p and label. Columns are padded by
// display width, so Chinese labels line up.
func WriteText(w io.Writer, r *Result, limit int) error {
	right := map[int]bool{}
	head := []string{"year"}
	meet := []string{"meetings"}
	for i, y := range r.Years {
		head = append(head, strconv.Itoa(y))
		meet = append(meet, strconv.Itoa(r.MeetingsByYear[y]))
		right[i+1] = true
	}
	n := len(r.Years)
	right[n+1], right[n+2], right[n+3] = true, true, true
	head = append(head, "change pp", "G²", "p", "trend")
	meet = append(meet, "", "", "", "")
	rows := [][]string{head, meet}
	for i, t := range r.Themes {
		if limit > 0 && i >= limit {
			break
		}
		name := t.ID
		if t.LabelZH != "" || t.LabelEN != "" {
			name = strings.TrimSpace(t.LabelZH + " " + t.LabelEN)
		}
		row := []string{name}
		for _, y := range r.Years {
			row = append(row, fmt.Sprintf("%d (%.1f%%)", t.DocsByYear[y], t.ShareByYear[y]))
		}
		row = append(row, fmt.Sprintf("%+.1f", t.Change), fmt.Sprintf("%.2f", t.G2), fp(t.P), t.Trend)
		rows = append(rows, row)
	}
	if err := writeTable(w, rows, 2, right); err != nil {
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

// WriteAttentionText writes the series side by side for a terminal,
// padded by display width (queries are often Chinese).
func WriteAttentionText(w io.Writer, a *Attention) error {
	right := map[int]bool{1: true}
	head := []string{"year", "meetings"}
	for i, s := range a.Series {
		head = append(head, s.Query)
		right[i+2] = true
	}
	rows := [][]string{head}
	for _, y := range a.Years {
		row := []string{strconv.Itoa(y), strconv.Itoa(a.MeetingsByYear[y])}
		for _, s := range a.Series {
			row = append(row, fmt.Sprintf("%d (%.1f%%)", s.DocsByYear[y], s.ShareByYear[y]))
		}
		rows = append(rows, row)
	}
	return writeTable(w, rows, 2, right)
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
// right-aligned, the match in brackets, the right context, then year,
// organisation and link. Padding is by display width, so the brackets and
// the "|" line up in a terminal whatever the mix of Chinese and Latin.
func WriteContextText(w io.Writer, lines []Line) error {
	wideL, wideR := 0, 0
	for _, l := range lines {
		wideL = max(wideL, DisplayWidth(l.Left))
		wideR = max(wideR, DisplayWidth("["+l.Match+"] "+l.Right))
	}
	for _, l := range lines {
		mid := "[" + l.Match + "] " + l.Right
		if _, err := fmt.Fprintf(w, "%s%s %s%s  | %s %s %s\n", strings.Repeat(" ", wideL-DisplayWidth(l.Left)), l.Left,
			mid, strings.Repeat(" ", wideR-DisplayWidth(mid)), yearString(l.Year), l.Org, l.URL); err != nil {
			return err
		}
	}
	return nil
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
