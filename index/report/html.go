package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"meetscan/index/trends"
)

// TypeLabels names the meeting types in both languages.
var TypeLabels = map[string]string{
	"review":          "述职评议 Review",
	"promotion":       "工作推进会 Work promotion",
	"joint":           "联席会 Joint meeting",
	"study":           "理论学习 Study session",
	"democratic_life": "民主生活会 Democratic life",
	"congress":        "党员大会 Party congress",
	"other":           "其他 Other",
}

// themeName is the bilingual label of a trend row.
func themeName(t trends.Trend) string {
	switch {
	case t.LabelZH != "" && t.LabelEN != "":
		return t.LabelZH + " " + t.LabelEN
	case t.LabelZH != "":
		return t.LabelZH
	case t.LabelEN != "":
		return t.LabelEN
	}
	return t.ID
}

// chartThemes picks the themes drawn in the chart: labelled changes first
// (most significant first), then the most mentioned, at most n.
func (r *Report) chartThemes(n int) []trends.Trend {
	var out []trends.Trend
	seen := map[string]bool{}
	for _, t := range r.Themes.Themes {
		if t.Trend != trends.Steady && len(out) < n {
			out = append(out, t)
			seen[t.ID] = true
		}
	}
	if len(out) < n {
		rest := make([]trends.Trend, 0, len(r.Themes.Themes))
		for _, t := range r.Themes.Themes {
			if !seen[t.ID] {
				rest = append(rest, t)
			}
		}
		total := func(t trends.Trend) int {
			s := 0
			for _, d := range t.DocsByYear {
				s += d
			}
			return s
		}
		for i := 1; i < len(rest); i++ { // insertion sort: a few dozen themes
			for j := i; j > 0 && total(rest[j]) > total(rest[j-1]); j-- {
				rest[j], rest[j-1] = rest[j-1], rest[j]
			}
		}
		for _, t := range rest {
			if len(out) >= n || total(t) == 0 {
				break
			}
			out = append(out, t)
		}
	}
	return out
}

// MeetingsChart is the SVG bar chart of meetings per year; each bar links
// to the year's sources.
func (r *Report) MeetingsChart() string {
	var bars []bar
	for _, y := range r.Themes.Years { // the period, and the year compared with
		if y < r.From {
			n := r.Themes.MeetingsByYear[y]
			bars = append(bars, bar{Label: fmt.Sprintf("%d", y), Value: float64(n), Muted: true,
				Title: fmt.Sprintf("%d: %d（对比年 year compared with）", y, n)})
		}
	}
	for _, c := range r.MeetingsByYear {
		bars = append(bars, bar{Label: c.Label, Value: float64(c.Count), Href: "#src-" + c.Key})
	}
	return barChart("每年会议数 Meetings per year", "会议 meetings", bars)
}

// ThemesChart is the SVG line chart of theme shares per year.
func (r *Report) ThemesChart(n int) string {
	var ss []series
	for _, t := range r.chartThemes(n) {
		sr := series{Name: themeName(t), Href: "#theme-" + t.ID}
		for _, y := range r.Themes.Years {
			sr.Values = append(sr.Values, t.ShareByYear[y])
		}
		ss = append(ss, sr)
	}
	return lineChart("主题占比 Share of meetings mentioning each theme", "% 会议 of meetings", r.Themes.Years, ss)
}

// TypesChart is the SVG bar chart of meeting types in the period.
func (r *Report) TypesChart() string {
	var bars []bar
	for _, c := range r.Types {
		l := c.Key
		if x, ok := TypeLabels[c.Key]; ok {
			l = strings.Fields(x)[0]
		}
		bars = append(bars, bar{Label: l, Value: float64(c.Count), Href: "#type-" + c.Key, Title: TypeLabels[c.Key]})
	}
	return barChart("会议类型 Meeting types", "会议 meetings", bars)
}

var funcs = template.FuncMap{
	"theme": themeName,
	"svg":   func(s string) template.HTML { return template.HTML(s) }, // built by svg.go, every text escaped there
	"typeLabel": func(k string) string {
		if l, ok := TypeLabels[k]; ok {
			return l
		}
		return k
	},
	"pct":    func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" },
	"signed": func(x float64) string { return fmt.Sprintf("%+.1f", x) },
	"g2":     func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) },
	"p": func(x float64) string {
		if x < 0.0001 {
			return "<0.0001"
		}
		return strconv.FormatFloat(x, 'g', 2, 64)
	},
	"years":  yearRuns,
	"first3": func(l []Link) []Link { return firstN(l, 3) },
	"span": func(ys []int) string {
		switch len(ys) {
		case 0:
			return ""
		case 1:
			return strconv.Itoa(ys[0])
		}
		return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
	},
	"join":  strings.Join,
	"clip":  clip,
	"arrow": arrow,
	"add":   func(a, b int) int { return a + b },
	"neg":   func(a int) int { return -a },
	"dict3": func(name string, list []trends.Trend, r *Report) trendList {
		return trendList{Name: name, List: list, R: r}
	},
	"docsAt": func(t trends.Trend, y int) int { return t.DocsByYear[y] },
	"shareAt": func(t trends.Trend, y int) string {
		return strconv.FormatFloat(t.ShareByYear[y], 'f', 1, 64) + "%"
	},
	"linkTitle": func(l Link) string {
		if strings.TrimSpace(l.Title) == "" {
			return l.URL
		}
		return l.Title
	},
}

// yearRuns writes years compactly: 2019–2021, 2023.
func yearRuns(ys []int) string {
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ys[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ys[i]), strconv.Itoa(ys[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func arrow(trend string) string {
	switch trend {
	case trends.Rising:
		return "▲ 上升 rising"
	case trends.Falling:
		return "▼ 下降 falling"
	case trends.New:
		return "★ 新出现 new"
	case trends.Gone:
		return "✕ 消失 gone"
	}
	return "– 平稳 steady"
}

type trendList struct {
	Name string
	List []trends.Trend
	R    *Report
}

var pageTmpl = template.Must(template.New("report").Funcs(funcs).Parse(pageHTML))

// WriteHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, no script, no external resource. All text from articles is
// escaped by html/template.
func (r *Report) WriteHTML(w io.Writer) error {
	return pageTmpl.Execute(w, r)
}

const pageHTML = `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','Noto Sans',system-ui,sans-serif;color:#1d1d1f;max-width:1120px;margin:24px auto;padding:0 20px;line-height:1.55;font-size:15px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:36px}h3{font-size:16px;margin:20px 0 6px}
.meta{color:#555;font-size:13px}.summary{display:flex;gap:14px;flex-wrap:wrap;margin:18px 0}
.card{background:#f3f6fa;border-radius:8px;padding:10px 16px;min-width:140px}.card b{display:block;font-size:24px;color:#0072B2}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:14px}th,td{border-bottom:1px solid #e3e3e3;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f7f7f7;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.rising{color:#007a4d}.falling{color:#b3261e}.new{color:#6a3d9a}.gone{color:#777}.steady{color:#777}
.links a{display:inline-block;margin-right:8px;font-size:12px;white-space:nowrap}td.links{min-width:150px}td.trend{white-space:nowrap}table.themes td:first-child{min-width:150px}table.themes{font-size:13px}.src li{font-size:13px}
svg{max-width:100%;height:auto;display:block;margin:8px 0}a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
.note{font-size:13px;color:#555;background:#fafafa;border-left:3px solid #ccc;padding:6px 10px}
@media print{a{color:inherit}h2{break-after:avoid}}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<div class="meta">统计期间 Period: {{.From}}{{if ne .From .To}}–{{.To}}{{end}}{{if .Org}} · 单位 Organisation: {{.Org}}{{end}} · 生成于 Generated {{.Generated.Format "2006-01-02 15:04"}} · meetscan</div>
<div class="summary">
<div class="card"><b>{{.Meetings}}</b>会议 meetings</div>
<div class="card"><b>{{.NOrgs}}</b>单位 organisations</div>
<div class="card"><b>{{.Requirements}}</b>工作要求 requirements</div>
<div class="card"><b>{{len .Rising}} / {{len .Falling}} / {{len .New}}</b>上升/下降/新出现 rising/falling/new themes</div>
</div>

<h2 id="overview">1. 概览 Overview</h2>
{{svg .MeetingsChart}}
<p class="note">点击柱形查看该年的来源文章；点击图例查看主题的来源。Click a bar for the year's source articles, a legend entry for the theme's row and sources.</p>
<h3>主要单位 Most active organisations</h3>
<table><tr><th>单位 Organisation</th><th>会议 Meetings</th><th>来源 Sources</th></tr>
{{range .Orgs}}<tr><td>{{.Label}}</td><td class="n">{{.Count}}</td><td class="links">{{range .Links}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{end}}</table>
<h3>会议类型 Meeting types</h3>
{{if .Types}}{{svg .TypesChart}}{{end}}
<table><tr><th>类型 Type</th><th>会议 Meetings</th><th>来源 Sources</th></tr>
{{range .Types}}<tr id="type-{{.Key}}"><td>{{typeLabel .Key}}</td><td class="n">{{.Count}}</td><td class="links">{{range .Links}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{end}}</table>

<h2 id="themes">2. 主题逐年变化 Themes year over year</h2>
{{svg (.ThemesChart 8)}}
<table class="themes"><tr><th>主题 Theme</th>{{range .Themes.Years}}<th class="n">{{.}}</th>{{end}}<th class="n">变化 Δpp</th><th class="n">G²</th><th class="n">p</th><th>趋势 Trend</th><th>来源 Sources</th></tr>
{{$r := .}}{{range .Themes.Themes}}{{if or (ne .Trend "steady") (gt .StudyShare 0.0) (gt .ReferenceShare 0.0)}}<tr id="theme-{{.ID}}"><td>{{theme .}}</td>{{$t := .}}{{range $r.Themes.Years}}<td class="n">{{docsAt $t .}} <small>({{shareAt $t .}})</small></td>{{end}}<td class="n">{{signed .Change}}</td><td class="n">{{g2 .G2}}</td><td class="n">{{p .P}}</td><td class="trend {{.Trend}}">{{arrow .Trend}}</td><td class="links">{{range first3 (index $r.ThemeLinks .ID)}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{end}}{{end}}</table>
<p class="note">每格：提及该主题的会议数（占当年会议的比例）。Δpp：末年与前一年占比之差（百分点）。G²：对数似然比（Dunning 1993），比较 {{span .Themes.Compare.Study}} 与 {{span .Themes.Compare.Reference}}，p 值按自由度为 1 的卡方分布；样本过小、不显著（p ≥ {{.Themes.Compare.Alpha}}）或变化不足 1 个百分点者标为平稳。
Each cell: meetings mentioning the theme (share of the year's meetings). Δpp: last year minus the year before, in percentage points. G²: log-likelihood ratio comparing {{span .Themes.Compare.Study}} with {{span .Themes.Compare.Reference}}; p from chi-square with 1 df. Changes on small samples, not significant or under 1 point are labelled steady.</p>

<h2 id="changes">3. 上升、下降与新出现的主题 Rising, falling and new themes</h2>
{{template "trendlist" (dict3 "上升 Rising" .Rising $r)}}
{{template "trendlist" (dict3 "下降 Falling" .Falling $r)}}
{{template "trendlist" (dict3 "新出现 New" .New $r)}}
{{template "trendlist" (dict3 "消失 Gone" .Gone $r)}}

<h2 id="recurring">4. 反复提出的工作要求 Recurring requirements</h2>
{{template "groups" .Recurring}}

<h2 id="new-requirements">5. 本期新提出的要求 Requirements new in the period</h2>
<p class="note">{{.NewSince}} 年之前从未出现、之后至少出现两次的要求{{if eq .NewSince .To}}{{if ne .From .To}}（库中没有 {{.From}} 年之前的会议，故与本期末年比较）{{end}}{{end}}。Requirements no meeting before {{.NewSince}} put forward, made at least twice since{{if eq .NewSince .To}}{{if ne .From .To}} (the store holds no meeting before {{.From}}, so the last year of the period is compared with the earlier ones){{end}}{{end}}.</p>
{{template "groups" .NewReqs}}

<h2 id="leaders">6. 主持讲话最多的领导 Most active presiding leaders</h2>
<table><tr><th>姓名 Name</th><th>会议 Meetings</th><th>单位 Organisations</th><th>来源 Sources</th></tr>
{{range .Leaders}}<tr><td>{{.Label}}</td><td class="n">{{.Count}}</td><td>{{join .Extra "; "}}</td><td class="links">{{range .Links}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{else}}<tr><td colspan="4">—</td></tr>{{end}}</table>

<h2 id="sources">7. 来源 Sources</h2>
{{range .Sources}}<h3 id="src-{{.Year}}">{{.Year}} · {{.Count}} 篇 articles</h3>
<ul class="src">{{range .Links}}<li>{{.Date}} {{.Org}} — <a href="{{.URL}}">{{linkTitle .}}</a></li>{{end}}{{if gt .Count (len .Links)}}<li>… 另有 {{add .Count (len .Links | neg)}} 篇 and more</li>{{end}}</ul>
{{end}}
</body>
</html>
{{define "trendlist"}}<h3>{{.Name}}</h3>{{if .List}}<table><tr><th>主题 Theme</th><th class="n">{{span .R.Themes.Compare.Reference}}</th><th class="n">{{span .R.Themes.Compare.Study}}</th><th class="n">G²</th><th class="n">p</th><th>来源 Sources</th></tr>
{{$r := .R}}{{range .List}}<tr><td>{{theme .}}</td><td class="n">{{pct .ReferenceShare}}</td><td class="n">{{pct .StudyShare}}</td><td class="n">{{g2 .G2}}</td><td class="n">{{p .P}}</td><td class="links">{{range index $r.ThemeLinks .ID}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{end}}</table>{{else}}<p>—</p>{{end}}{{end}}
{{define "groups"}}{{if .}}<table><tr><th>要求 Requirement</th><th class="n">次数 Times</th><th>年份 Years</th><th class="n">单位 Orgs</th><th>首次/最近 First/last</th><th>来源 Sources</th></tr>
{{range .}}<tr><td>{{.Text}}{{if gt .Variants 1}} <small>({{.Variants}} 种表述 wordings)</small>{{end}}</td><td class="n">{{.Count}}</td><td class="n">{{years .Years}}</td><td class="n">{{len .Orgs}}</td><td class="n">{{.FirstSeen}}<br>{{.LastSeen}}</td><td class="links">{{range .Members}}<a href="{{.URL}}" title="{{.Title}}">{{.Date}}</a>{{end}}</td></tr>
{{end}}</table>{{else}}<p>—</p>{{end}}{{end}}
`
