package report

import (
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"

	"meetscan/analysis/recurring"
	"meetscan/index/trends"
)

// mdEscape makes article text inert in Markdown: HTML is escaped (many
// renderers pass raw HTML through), Markdown punctuation is backslashed
// and line breaks become spaces so a table cell stays one cell.
func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = html.EscapeString(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '#', '(', ')', '!', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdURL returns a URL safe inside (…) of a Markdown link, or "" when it is
// not http(s).
func mdURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	s := u.String()
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(s)
}

func mdLink(text, raw string) string {
	if u := mdURL(raw); u != "" {
		return "[" + mdEscape(text) + "](" + u + ")"
	}
	return mdEscape(text)
}

func mdLinks(ls []Link) string {
	var parts []string
	for _, l := range ls {
		t := l.Date
		if t == "" {
			t = "link"
		}
		if s := mdLink(t, l.URL); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// sparkBar draws a share as a bar of eighth blocks (10% a block).
func sparkBar(pct float64) string {
	eighths := int(pct/10*8 + 0.5)
	full, part := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	return s
}

// WriteMarkdown writes the report as Markdown tables (charts become bars
// of block characters), every figure with its source links.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	period := strconv.Itoa(r.From)
	if r.From != r.To {
		period = fmt.Sprintf("%d–%d", r.From, r.To)
	}
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(r.Title))
	fmt.Fprintf(&b, "统计期间 Period: %s", period)
	if r.Org != "" {
		fmt.Fprintf(&b, " · 单位 Organisation: %s", mdEscape(r.Org))
	}
	fmt.Fprintf(&b, " · 生成于 Generated %s · meetscan\n\n", r.Generated.Format("2006-01-02 15:04"))
	fmt.Fprintf(&b, "**%d** 会议 meetings · **%d** 单位 organisations · **%d** 工作要求 requirements · **%d/%d/%d** 上升/下降/新出现 rising/falling/new themes\n\n",
		r.Meetings, r.NOrgs, r.Requirements, len(r.Rising), len(r.Falling), len(r.New))

	b.WriteString("## 1. 概览 Overview\n\n| 年份 Year | 会议 Meetings | | 来源 Sources |\n|---|--:|---|---|\n")
	maxC := 1
	for _, c := range r.MeetingsByYear {
		maxC = max(maxC, c.Count)
	}
	for _, c := range r.MeetingsByYear {
		fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", c.Label, c.Count, sparkBar(100*float64(c.Count)/float64(maxC)), mdLinks(c.Links))
	}
	b.WriteString("\n### 主要单位 Most active organisations\n\n| 单位 Organisation | 会议 Meetings | 来源 Sources |\n|---|--:|---|\n")
	for _, c := range r.Orgs {
		fmt.Fprintf(&b, "| %s | %d | %s |\n", mdEscape(c.Label), c.Count, mdLinks(c.Links))
	}
	b.WriteString("\n### 会议类型 Meeting types\n\n| 类型 Type | 会议 Meetings | 来源 Sources |\n|---|--:|---|\n")
	for _, c := range r.Types {
		l := c.Key
		if x, ok := TypeLabels[c.Key]; ok {
			l = x
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", mdEscape(l), c.Count, mdLinks(c.Links))
	}

	b.WriteString("\n## 2. 主题逐年变化 Themes year over year\n\n| 主题 Theme |")
	for _, y := range r.Themes.Years {
		fmt.Fprintf(&b, " %d |", y)
	}
	b.WriteString(" Δpp | G² | p | 趋势 Trend | 来源 Sources |\n|---|")
	for range r.Themes.Years {
		b.WriteString("--:|")
	}
	b.WriteString("--:|--:|--:|---|---|\n")
	for _, t := range r.Themes.Themes {
		if t.Trend == trends.Steady && t.StudyShare == 0 && t.ReferenceShare == 0 {
			continue
		}
		fmt.Fprintf(&b, "| %s |", mdEscape(themeName(t)))
		for _, y := range r.Themes.Years {
			fmt.Fprintf(&b, " %d (%.1f%%) |", t.DocsByYear[y], t.ShareByYear[y])
		}
		fmt.Fprintf(&b, " %+.1f | %.2f | %s | %s | %s |\n", t.Change, t.G2, funcs["p"].(func(float64) string)(t.P), arrow(t.Trend), mdLinks(r.ThemeLinks[t.ID]))
	}
	if len(r.Themes.Compare.Study) > 0 && len(r.Themes.Compare.Reference) > 0 {
		fmt.Fprintf(&b, "\n> G²: log-likelihood ratio (Dunning 1993) comparing %s with %s, p from chi-square with 1 df; small, non-significant (p ≥ %g) or sub-1-point changes are labelled steady. Δpp: last year minus the year before.\n",
			spanOf(r.Themes.Compare.Study), spanOf(r.Themes.Compare.Reference), r.Themes.Compare.Alpha)
	}

	b.WriteString("\n## 3. 上升、下降与新出现的主题 Rising, falling and new themes\n")
	for _, sec := range []struct {
		name string
		list []trends.Trend
	}{{"上升 Rising", r.Rising}, {"下降 Falling", r.Falling}, {"新出现 New", r.New}, {"消失 Gone", r.Gone}} {
		fmt.Fprintf(&b, "\n### %s\n\n", sec.name)
		if len(sec.list) == 0 {
			b.WriteString("—\n")
			continue
		}
		for _, t := range sec.list {
			fmt.Fprintf(&b, "- **%s**: %.1f%% → %.1f%% (G² %.2f, p %s) %s\n", mdEscape(themeName(t)), t.ReferenceShare, t.StudyShare,
				t.G2, funcs["p"].(func(float64) string)(t.P), mdLinks(r.ThemeLinks[t.ID]))
		}
	}

	b.WriteString("\n## 4. 反复提出的工作要求 Recurring requirements\n\n")
	mdGroups(&b, r.Recurring)
	b.WriteString("\n## 5. 本期新提出的要求 Requirements new in the period\n\n")
	fmt.Fprintf(&b, "> Requirements no meeting before %d put forward, made at least twice since.\n\n", r.NewSince)
	mdGroups(&b, r.NewReqs)

	b.WriteString("\n## 6. 主持讲话最多的领导 Most active presiding leaders\n\n| 姓名 Name | 会议 Meetings | 单位 Organisations | 来源 Sources |\n|---|--:|---|---|\n")
	for _, c := range r.Leaders {
		fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", mdEscape(c.Label), c.Count, mdEscape(strings.Join(c.Extra, "; ")), mdLinks(c.Links))
	}

	b.WriteString("\n## 7. 来源 Sources\n")
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "\n### %d · %d 篇 articles\n\n", s.Year, s.Count)
		for _, l := range s.Links {
			t := l.Title
			if strings.TrimSpace(t) == "" {
				t = l.URL
			}
			fmt.Fprintf(&b, "- %s %s — %s\n", l.Date, mdEscape(l.Org), mdLink(t, l.URL))
		}
		if s.Count > len(s.Links) {
			fmt.Fprintf(&b, "- … 另有 %d 篇 and more\n", s.Count-len(s.Links))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdGroups(b *strings.Builder, gs []recurring.Group) {
	if len(gs) == 0 {
		b.WriteString("—\n")
		return
	}
	b.WriteString("| 要求 Requirement | 次数 Times | 年份 Years | 单位 Orgs | 首次/最近 First/last | 来源 Sources |\n|---|--:|---|--:|---|---|\n")
	for _, g := range gs {
		text := mdEscape(g.Text)
		if g.Variants > 1 {
			text += fmt.Sprintf(" (%d 种表述 wordings)", g.Variants)
		}
		var links []Link
		for _, m := range g.Members {
			links = append(links, Link{URL: m.URL, Date: m.Date})
		}
		fmt.Fprintf(b, "| %s | %d | %s | %d | %s / %s | %s |\n", text, g.Count, yearRuns(g.Years), len(g.Orgs), g.FirstSeen, g.LastSeen, mdLinks(links))
	}
}

func spanOf(ys []int) string {
	if len(ys) == 1 {
		return strconv.Itoa(ys[0])
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}
