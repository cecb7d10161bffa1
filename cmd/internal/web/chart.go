package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// chart is a line chart laid out on the server and drawn as inline SVG by
// the trends template: no script, so it works under the strict CSP and
// offline. All coordinates are in SVG user units.
type chart struct {
	W, H                     int
	Left, Top, Right, Bottom float64
	XTicks                   []tick
	YTicks                   []tick
	Series                   []chartSeries
	YLabel                   string
}

type tick struct {
	Pos   float64
	Label string
}

type chartSeries struct {
	Label   string
	Color   string
	Points  string // polyline points "x,y x,y"
	Dots    []dot
	LegendY float64
}

type dot struct {
	X, Y  float64
	Title string
}

// A colour-blind-safe palette (Okabe–Ito) so compared series stay apart.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"}

// seriesData is one line to draw: a value per year.
type seriesData struct {
	Label  string
	Values map[int]float64
}

// layoutChart places series over years. percent formats the y axis as a
// percentage (values are percentages, 0–100).
func layoutChart(years []int, series []seriesData, percent bool, yLabel string) *chart {
	c := &chart{W: 1040, H: 340, Left: 56, Top: 16, Right: 790, Bottom: 300, YLabel: yLabel}
	if len(years) == 0 || len(series) == 0 {
		return nil
	}
	maxV := 0.0
	for _, s := range series {
		for _, y := range years {
			maxV = math.Max(maxV, s.Values[y])
		}
	}
	top, divs := niceCeil(maxV)
	if top == 0 {
		top, divs = 5, 5
	}
	x := func(i int) float64 {
		if len(years) == 1 {
			return (c.Left + c.Right) / 2
		}
		return c.Left + float64(i)*(c.Right-c.Left)/float64(len(years)-1)
	}
	y := func(v float64) float64 { return c.Bottom - v/top*(c.Bottom-c.Top) }
	step := 1
	for len(years)/step > 12 {
		step++
	}
	for i, yr := range years {
		if i%step == 0 || i == len(years)-1 {
			c.XTicks = append(c.XTicks, tick{Pos: round1(x(i)), Label: strconv.Itoa(yr)})
		}
	}
	for k := 0; k <= divs; k++ {
		v := top * float64(k) / float64(divs)
		label := formatCount(v)
		if percent {
			label = formatPercent(v)
		}
		c.YTicks = append(c.YTicks, tick{Pos: round1(y(v)), Label: label})
	}
	for i, s := range series {
		cs := chartSeries{Label: s.Label, Color: palette[i%len(palette)], LegendY: c.Top + 8 + float64(i)*22}
		var pts []string
		for j, yr := range years {
			v := s.Values[yr]
			px, py := round1(x(j)), round1(y(v))
			pts = append(pts, fmt.Sprintf("%g,%g", px, py))
			val := formatCount(v)
			if percent {
				val = formatPercent(v)
			}
			cs.Dots = append(cs.Dots, dot{X: px, Y: py, Title: fmt.Sprintf("%s %d: %s", s.Label, yr, val)})
		}
		cs.Points = strings.Join(pts, " ")
		c.Series = append(c.Series, cs)
	}
	return c
}

// niceCeil rounds v up to a round number (1, 1.2, 1.5, 2 … 8 times a power
// of ten) so the axis ends close above the highest value, and says how many
// divisions give round tick labels.
func niceCeil(v float64) (top float64, divs int) {
	if v <= 0 {
		return 0, 0
	}
	k := math.Floor(math.Log10(v))
	p := math.Pow(10, k)
	scale := func(m float64) float64 {
		if k < 0 {
			return m / math.Pow(10, -k) // exact for 0.3, where 3*0.1 is not
		}
		return m * p
	}
	for _, s := range []struct {
		m    float64
		divs int
	}{{1, 4}, {1.2, 4}, {1.5, 3}, {2, 4}, {2.5, 5}, {3, 3}, {4, 4}, {5, 5}, {6, 3}, {8, 4}, {10, 5}} {
		if v <= scale(s.m)*1.0000001 {
			return scale(s.m), s.divs
		}
	}
	return scale(10), 5
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// formatPercent formats a share given in percent (0–100).
func formatPercent(p float64) string {
	if p == math.Trunc(p) {
		return fmt.Sprintf("%.0f%%", p)
	}
	return fmt.Sprintf("%.1f%%", p)
}

func formatCount(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
