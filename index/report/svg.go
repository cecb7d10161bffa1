package report

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// Charts are drawn here as plain SVG strings so the page needs no script
// and no network. Every text written into them goes through esc; hrefs
// are only the page's own anchors.

// palette is Okabe–Ito, distinguishable with colour-blindness.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#999933"}

const fontStack = `'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','Noto Sans',sans-serif`

func esc(s string) string { return html.EscapeString(s) }

// niceScale returns an axis maximum ≥ max and a tick step of 1, 2 or 5
// times a power of ten, giving about five ticks.
func niceScale(max float64) (top, step float64) {
	if max <= 0 || math.IsNaN(max) {
		return 1, 0.2
	}
	raw := max / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	top = math.Ceil(max/step) * step
	return top, step
}

func fmtTick(v, step float64) string {
	if step >= 1 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	d := int(math.Ceil(-math.Log10(step)))
	return strconv.FormatFloat(v, 'f', d, 64)
}

type bar struct {
	Label string
	Value float64
	Href  string // "#anchor" or ""
	Title string // tooltip
	Muted bool   // context, outside the period: drawn grey
}

// barChart draws vertical bars with a y axis, value labels and category
// labels under the bars.
func barChart(title, yLabel string, bars []bar) string {
	const w, h = 940, 300
	const left, right, top, bottom = 64, 16, 36, 48
	pw, ph := float64(w-left-right), float64(h-top-bottom)
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.Value)
	}
	yTop, step := niceScale(maxV * 1.08) // headroom for the value labels
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" font-family="%s" font-size="12">`,
		w, h, w, h, esc(title), esc(fontStack))
	fmt.Fprintf(&s, `<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>`, left, esc(title))
	for v := 0.0; v <= yTop+step/2; v += step {
		y := float64(top) + ph - v/yTop*ph
		fmt.Fprintf(&s, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>`, left, w-right, y, y)
		fmt.Fprintf(&s, `<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle" fill="#444">%s</text>`, left-6, y, fmtTick(v, step))
	}
	fmt.Fprintf(&s, `<text transform="translate(14 %.1f) rotate(-90)" text-anchor="middle" fill="#444">%s</text>`, float64(top)+ph/2, esc(yLabel))
	fmt.Fprintf(&s, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="#333"/>`, left, w-right, top+int(ph), top+int(ph))
	n := len(bars)
	if n > 0 {
		slot := pw / float64(n)
		bw := math.Min(slot*0.7, 80)
		for i, b := range bars {
			x := float64(left) + slot*float64(i) + (slot-bw)/2
			bh := b.Value / yTop * ph
			y := float64(top) + ph - bh
			open, closeTag := "", ""
			if b.Href != "" {
				open, closeTag = fmt.Sprintf(`<a href="%s">`, esc(b.Href)), `</a>`
			}
			tip := b.Title
			if tip == "" {
				tip = fmt.Sprintf("%s: %s", b.Label, strconv.FormatFloat(b.Value, 'f', -1, 64))
			}
			fill := palette[0]
			if b.Muted {
				fill = "#b8c2cc"
			}
			fmt.Fprintf(&s, `%s<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>%s`,
				open, x, y, bw, bh, fill, esc(tip), closeTag)
			fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#222">%s</text>`, x+bw/2, y-4, strconv.FormatFloat(b.Value, 'f', -1, 64))
			fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="middle" fill="#222">%s</text>`, x+bw/2, top+int(ph)+18, esc(b.Label))
		}
	}
	s.WriteString(`</svg>`)
	return s.String()
}

type series struct {
	Name   string
	Values []float64 // one per year
	Href   string    // "#anchor" of the series' table row, or ""
}

// lineChart draws one line per series over the years with markers, a y
// axis in percent and a legend under the plot.
func lineChart(title, yLabel string, years []int, ss []series) string {
	const w = 940
	const left, right, top = 64, 24, 36
	plotH := 240.0
	legendRows := (len(ss) + 2) / 3
	h := top + int(plotH) + 40 + legendRows*20 + 8
	pw := float64(w - left - right)
	maxV := 0.0
	for _, sr := range ss {
		for _, v := range sr.Values {
			maxV = math.Max(maxV, v)
		}
	}
	yTop, step := niceScale(maxV * 1.05)
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" font-family="%s" font-size="12">`,
		w, h, w, h, esc(title), esc(fontStack))
	fmt.Fprintf(&s, `<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>`, left, esc(title))
	yOf := func(v float64) float64 { return float64(top) + plotH - v/yTop*plotH }
	for v := 0.0; v <= yTop+step/2; v += step {
		y := yOf(v)
		fmt.Fprintf(&s, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>`, left, w-right, y, y)
		fmt.Fprintf(&s, `<text x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle" fill="#444">%s</text>`, left-6, y, fmtTick(v, step))
	}
	fmt.Fprintf(&s, `<text transform="translate(14 %.1f) rotate(-90)" text-anchor="middle" fill="#444">%s</text>`, float64(top)+plotH/2, esc(yLabel))
	n := len(years)
	xOf := func(i int) float64 {
		if n == 1 {
			return float64(left) + pw/2
		}
		return float64(left) + 20 + (pw-40)*float64(i)/float64(n-1)
	}
	base := float64(top) + plotH
	fmt.Fprintf(&s, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#333"/>`, left, w-right, base, base)
	for i, y := range years {
		fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#222">%d</text>`, xOf(i), base+18, y)
	}
	for k, sr := range ss {
		c := palette[k%len(palette)]
		dash := ""
		if k >= len(palette) {
			dash = ` stroke-dasharray="5 3"`
		}
		var pts []string
		for i, v := range sr.Values {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(i), yOf(v)))
		}
		fmt.Fprintf(&s, `<polyline fill="none" stroke="%s" stroke-width="2.5"%s points="%s"/>`, c, dash, strings.Join(pts, " "))
		for i, v := range sr.Values {
			fmt.Fprintf(&s, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %d: %.1f%%</title></circle>`,
				xOf(i), yOf(v), c, esc(sr.Name), years[i], v)
		}
		lx := float64(left) + float64(k%3)*pw/3
		ly := base + 40 + float64(k/3)*20
		if sr.Href != "" {
			fmt.Fprintf(&s, `<a href="%s">`, esc(sr.Href))
		}
		fmt.Fprintf(&s, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="3"%s/>`, lx, lx+22, ly-4, ly-4, c, dash)
		fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" fill="#222">%s</text>`, lx+28, ly, esc(clip(sr.Name, 30)))
		if sr.Href != "" {
			s.WriteString(`</a>`)
		}
	}
	s.WriteString(`</svg>`)
	return s.String()
}

// clip shortens a label to n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
