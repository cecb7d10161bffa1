// Command build writes the embedded sample site (data/assets/sample) and its
// facts (data/sample/facts.json) from meetscan/data/gen. Run it through
// `go generate ./data/sample`; the output is deterministic and committed.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"meetscan/data"
	"meetscan/data/gen"
	"meetscan/data/sample"
)

const (
	siteZH  = "江海党建网"
	siteEN  = "Jianghai Party Building"
	perPage = 8
	seed    = 20240601
)

// section is one column of the portal. Chinese reports go to the section
// of their organisation's kind, English ones to /en/.
type section struct {
	path, nameZH, nameEN string
	kind                 string // org kind, "" for the English section
	charset              string // utf-8 or gbk
	header               bool   // Content-Type names the charset
	skin                 string // trs, old, en: the CMS template
}

var sections = []section{
	{"/qydj/", "企业党建", "Enterprises", "company", "utf-8", true, "trs"},
	{"/kyys/", "科研院所", "Institutes", "institute", "gbk", true, "old"},
	{"/gxdj/", "高校党建", "Universities", "university", "utf-8", true, "trs"},
	{"/jdsq/", "街道社区", "Communities", "street", "gbk", false, "old"},
	{"/jgdj/", "机关党建", "Government offices", "bureau", "utf-8", true, "trs"},
	{"/ylws/", "医疗卫生", "Health", "hospital", "utf-8", false, "trs"},
	{"/en/news/", "English", "News", "", "utf-8", true, "en"},
}

func orgs() []gen.Org {
	return []gen.Org{
		gen.NewOrg("company", "滨江", "Binjiang", 7001),
		gen.NewOrg("institute", "北辰", "Beichen", 7101),
		gen.NewOrg("university", "南湖", "Nanhu", 7201),
		gen.NewOrg("street", "东港", "Donggang", 7301),
		gen.NewOrg("bureau", "临海", "Linhai", 7401),
		gen.NewOrg("hospital", "云岭", "Yunling", 7501),
	}
}

// config plants strong, readable shifts: with 16 reports a year a trend has
// to be large to be significant.
func config() gen.Config {
	y := gen.Years6
	themes := []gen.PlantedTheme{
		{ID: "high_quality_development", TermsZH: []string{"高质量发展"}, TermsEN: []string{"high-quality development"},
			RateByYear: y(0.10, 0.15, 0.30, 0.45, 0.65, 0.80)},
		{ID: "two_studies_one_action", TermsZH: []string{"两学一做", "两学一做学习教育"}, TermsEN: []string{"two studies one action"},
			RateByYear: y(0.60, 0.25, 0, 0, 0, 0)},
		{ID: "theme_education", TermsZH: []string{"主题教育"}, TermsEN: []string{"theme education"},
			ZHByYear:   map[int][]string{2019: {"不忘初心、牢记使命", "主题教育"}, 2021: {"党史学习教育"}, 2024: {"党纪学习教育"}},
			ENByYear:   map[int][]string{2019: {"staying true to the original aspiration"}, 2021: {"party history learning and education"}},
			RateByYear: y(0.70, 0.10, 0.80, 0.10, 0.75, 0.35)},
		{ID: "party_congress_spirit", TermsZH: []string{"十九大精神", "党的十九大精神"}, TermsEN: []string{"spirit of the 19th party congress"},
			ZHByYear:   map[int][]string{2020: {"十九届五中全会精神"}, 2021: {"十九届六中全会精神"}},
			Eras:       []gen.Era{{From: "2022-10-16", ZH: []string{"党的二十大精神", "二十大精神"}, EN: []string{"spirit of the 20th party congress"}}},
			RateByYear: y(0.30, 0.25, 0.30, 0.35, 0.80, 0.35)},
		{ID: "epidemic_prevention", TermsZH: []string{"疫情防控", "常态化疫情防控"}, TermsEN: []string{"epidemic prevention and control"},
			RateByYear: y(0, 0.65, 0.35, 0.45, 0, 0)},
		{ID: "sci_tech_innovation", TermsZH: []string{"科技创新", "成果转化"}, TermsEN: []string{"scientific and technological innovation"},
			ZHByYear:   map[int][]string{2024: {"新质生产力", "科技创新"}},
			RateByYear: y(0.05, 0.10, 0.20, 0.25, 0.35, 0.55)},
		{ID: "digital_party_building", TermsZH: []string{"智慧党建"}, TermsEN: []string{"smart party building"},
			RateByYear: y(0, 0, 0.10, 0.20, 0.30, 0.40)},
		{ID: "five_year_plan", TermsZH: []string{"十四五"}, TermsEN: []string{"14th five-year plan"},
			RateByYear: y(0, 0.30, 0.55, 0.15, 0.10, 0.10)},
		{ID: "party_building_brand", TermsZH: []string{"党建品牌"}, TermsEN: []string{"party building brand"},
			RateByYear: y(0.20, 0.20, 0.20, 0.20, 0.20, 0.20)},
		{ID: "comprehensive_strict_governance", TermsZH: []string{"全面从严治党"},
			TermsEN:    []string{"comprehensively and strictly governing the party"},
			RateByYear: y(0.35, 0.35, 0.35, 0.35, 0.35, 0.35)},
	}
	rec := gen.DefaultRecurring()
	// Families are frequent, so that they, not the distractors that fill
	// reports up to two items, are what recurs most.
	rates := map[string]float64{"secretary_duty": 0.3, "study_routine": 0.25, "vanguard_members": 0.22,
		"ledger_records": 0.2, "care_staff": 0.18, "safety_baseline": 0.2}
	for i := range rec {
		if r, ok := rates[rec[i].ID]; ok {
			rec[i].Rate = r
		} else { // frank_criticism, integrity_reminders: rising from later years
			for yy, r := range rec[i].RateByYear {
				rec[i].RateByYear[yy] = r * 2.5
			}
		}
	}
	dis := gen.DefaultDistractors()
	for i := range dis {
		dis[i].Rate = 0.06
	}
	return gen.Config{
		Docs: 96, FromYear: 2019, ToYear: 2024, Seed: seed,
		Lang:    gen.LangMix{ZH: 0.66, EN: 0.26, Mixed: 0.08},
		OrgList: orgs(),
		Types: map[string]float64{"review": 0.18, "promotion": 0.17, "joint": 0.14, "study": 0.18,
			"democratic_life": 0.12, "congress": 0.11, "other": 0.10},
		Themes: themes, Recurring: rec, Distractors: dis,
		// The sample's requirements are the planted families and a few
		// distractors: shared theme-directive frames would crowd the
		// demo's "most recurrent requirements".
		ThemeDirectives: -1,
		Host:            "www.jianghai-djw.test",
	}
}

// shapes are the planted trends; check verifies the counts show them.
var shapes = map[string]string{
	"high_quality_development":        "rising",
	"two_studies_one_action":          "gone",
	"theme_education":                 "campaign",
	"party_congress_spirit":           "peaked",
	"epidemic_prevention":             "peaked",
	"sci_tech_innovation":             "rising",
	"digital_party_building":          "new",
	"five_year_plan":                  "peaked",
	"comprehensive_strict_governance": "steady",
	"party_building_brand":            "steady",
}

// shiftingTerms are counted per year in the facts: the vocabulary shifts
// that `trends --by term` should see.
var shiftingTerms = []string{"十九大", "二十大", "两学一做", "不忘初心", "党史学习教育", "主题教育", "疫情防控",
	"高质量发展", "十四五", "新质生产力", "智慧党建", "high-quality development", "20th party congress"}

type report struct {
	doc  *gen.Doc
	sec  *section
	path string
	no   int // article number in the CMS
}

func main() {
	siteDir := flag.String("site", "../assets/sample", "folder to write the site into (replaced)")
	factsFile := flag.String("facts", "facts.json", "file to write the facts into")
	flag.Parse()
	if err := run(*siteDir, *factsFile); err != nil {
		log.Fatal(err)
	}
}

func draw(cfg gen.Config) ([]*report, gen.Truth, error) {
	var reps []*report
	truth, err := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		r := &report{doc: d, no: 3100 + 37*d.Index}
		r.sec = sectionFor(d)
		pub := d.Article.Published.Time.In(data.Shanghai)
		r.path = fmt.Sprintf("%s%s/t%s_%d.html", r.sec.path, pub.Format("200601"), pub.Format("20060102"), r.no)
		reps = append(reps, r)
		return nil
	})
	return reps, truth, err
}

// families summarises the planted requirement families of the reports.
func families(cfg gen.Config, truth gen.Truth, reps []*report, years []int) []sample.FamilyFact {
	var out []sample.FamilyFact
	for _, fam := range append(append([]gen.PlantedRequirement(nil), cfg.Recurring...), cfg.Distractors...) {
		ff := sample.FamilyFact{ID: fam.ID, Distractor: truth.Distractor[fam.ID], DocsByYear: fill(truth.FamilyDocs[fam.ID], years)}
		orgSet, words := map[string]bool{}, map[string]bool{}
		for _, r := range reps {
			hit := false
			for _, it := range r.doc.Items {
				if it.Family == fam.ID {
					hit = true
					words[it.Text] = true
				}
			}
			if hit {
				ff.Docs++
				orgSet[r.doc.Org.ZH] = true
			}
		}
		ff.Orgs, ff.Wordings = keys(orgSet), keys(words)
		out = append(out, ff)
	}
	return out
}

// themes summarises the planted themes, or fails when a draw does not show
// a planted shape.
func themes(cfg gen.Config, truth gen.Truth, years []int) ([]sample.ThemeFact, error) {
	var out []sample.ThemeFact
	for _, th := range cfg.Themes {
		tf := sample.ThemeFact{ID: th.ID, DocsByYear: fill(truth.ThemeDocs[th.ID], years), Trend: shapes[th.ID], Terms: th.AllTerms()}
		peaks, ok := hasShape(tf.Trend, tf.DocsByYear, truth.DocsByYear, years)
		if !ok {
			return nil, fmt.Errorf("theme %s: counts %v do not show the planted %q trend", th.ID, tf.DocsByYear, tf.Trend)
		}
		tf.Peaks = peaks
		out = append(out, tf)
	}
	return out, nil
}

func run(siteDir, factsFile string) error {
	cfg := config()
	var years []int
	for y := cfg.FromYear; y <= cfg.ToYear; y++ {
		years = append(years, y)
	}
	// Sixteen reports a year are a small sample: take the first seed from
	// the base whose draw shows every planted shape and promise.
	var (
		reps  []*report
		truth gen.Truth
		ths   []sample.ThemeFact
		err   error
	)
	for s := int64(seed); ; s++ {
		if s == seed+500 {
			return fmt.Errorf("no seed in [%d, %d) shows the planted facts: %w", seed, s, err)
		}
		cfg.Seed = s
		if reps, truth, err = draw(cfg); err != nil {
			return err
		}
		if ths, err = themes(cfg, truth, years); err != nil {
			continue
		}
		pre := &sample.FactSheet{ByType: truth.DocsByType, ByLang: truth.DocsByLang, Recurring: families(cfg, truth, reps, years)}
		if err = check(pre); err == nil {
			break
		}
	}
	sort.SliceStable(reps, func(i, j int) bool {
		return reps[i].doc.Article.Published.Time.After(reps[j].doc.Article.Published.Time)
	})
	if err := os.RemoveAll(siteDir); err != nil {
		return err
	}
	w := &writer{dir: siteDir}
	f := &sample.FactSheet{Site: siteZH, SiteEN: siteEN, Seed: cfg.Seed, Articles: truth.Docs, Years: years, Themes: ths,
		ByYear: truth.DocsByYear, ByType: truth.DocsByType, ByLang: truth.DocsByLang, ByOrg: truth.DocsByOrg,
		BySection: map[string]int{}}
	for _, o := range cfg.OrgList {
		of := sample.OrgFact{ZH: o.ZH, EN: o.EN, Kind: o.Kind}
		for _, s := range sections {
			if s.kind == o.Kind {
				of.Section = s.path
			}
		}
		for _, l := range o.Leaders {
			of.Leaders = append(of.Leaders, leaderFact(l))
		}
		f.Orgs = append(f.Orgs, of)
	}

	bySec := map[string][]*report{}
	for _, r := range reps {
		bySec[r.sec.path] = append(bySec[r.sec.path], r)
	}
	for i := range sections {
		s := &sections[i]
		list := bySec[s.path]
		pages := max(1, (len(list)+perPage-1)/perPage)
		f.Sections = append(f.Sections, sample.SectionFact{Path: s.path, NameZH: s.nameZH, NameEN: s.nameEN,
			Charset: s.charset, Header: s.header, Pages: pages, Articles: len(list)})
		f.BySection[s.path] = len(list)
		for p := 0; p < pages; p++ {
			lo, hi := p*perPage, min(len(list), (p+1)*perPage)
			path := s.path + listingName(p)
			if err := w.page(f, path, s, "listing", renderListing(s, list[lo:hi], p, pages)); err != nil {
				return err
			}
		}
		for k, r := range list {
			var prev, next *report
			if k > 0 {
				prev = list[k-1]
			}
			if k+1 < len(list) {
				next = list[k+1]
			}
			related := relatedOf(list, k)
			if err := w.page(f, r.path, s, "article", renderArticle(r, prev, next, related)); err != nil {
				return err
			}
		}
	}
	if err := w.page(f, "/index.html", &sections[0], "home", renderHome(reps, bySec)); err != nil {
		return err
	}
	if err := w.file("robots.txt", []byte(robots)); err != nil {
		return err
	}
	f.Pages = append(f.Pages, sample.PageFact{Path: "/robots.txt", File: "robots.txt", ContentType: "text/plain; charset=utf-8", Kind: "robots"})
	if err := w.file("404.html", []byte(render404())); err != nil {
		return err
	}
	sort.Slice(f.Pages, func(i, j int) bool { return f.Pages[i].Path < f.Pages[j].Path })

	for _, r := range reps {
		f.Reports = append(f.Reports, reportFact(r))
	}
	for _, term := range shiftingTerms {
		tf := sample.TermFact{Term: term, DocsByYear: fill(nil, f.Years)}
		for _, r := range reps {
			a := r.doc.Article
			if strings.Contains(strings.ToLower(a.Title+"\n"+a.Body), term) {
				tf.DocsByYear[r.doc.Year]++
			}
		}
		f.Terms = append(f.Terms, tf)
	}
	f.Recurring = families(cfg, truth, reps, years)
	if err := check(f); err != nil {
		return err
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(factsFile, append(b, '\n'), 0o644)
}

// check refuses a site that misses what the sample promises.
func check(f *sample.FactSheet) error {
	for _, t := range data.MeetingTypes {
		if f.ByType[t] < 5 {
			return fmt.Errorf("only %d %s meetings in the sample", f.ByType[t], t)
		}
	}
	for _, l := range []string{"zh", "en", "mixed"} {
		if f.ByLang[l] < 3 {
			return fmt.Errorf("only %d %s reports", f.ByLang[l], l)
		}
	}
	for _, s := range f.Sections {
		if s.Articles == 0 {
			return fmt.Errorf("section %s is empty", s.Path)
		}
	}
	for _, s := range sections {
		if f.Sections != nil && f.BySection[s.path] < 4 {
			return fmt.Errorf("section %s has only %d reports", s.path, f.BySection[s.path])
		}
	}
	rec := 0
	for _, fam := range f.Recurring {
		if !fam.Distractor && fam.Docs >= 3 && len(fam.Orgs) >= 2 && len(fam.Wordings) >= 2 {
			rec++
		}
	}
	if rec < 5 {
		return fmt.Errorf("only %d families recur across organisations in several wordings", rec)
	}
	return nil
}

func sectionFor(d *gen.Doc) *section {
	if d.Article.Lang == "en" {
		return &sections[len(sections)-1]
	}
	for i := range sections {
		if sections[i].kind == d.Org.Kind {
			return &sections[i]
		}
	}
	return &sections[0]
}

func listingName(p int) string {
	if p == 0 {
		return "index.html"
	}
	return "index_" + strconv.Itoa(p) + ".html"
}

func relatedOf(list []*report, k int) []*report {
	var out []*report
	for d := 1; len(out) < 3 && d < len(list); d++ {
		if j := k + 2*d; j < len(list) {
			out = append(out, list[j])
		} else if j := k - 2*d; j >= 0 {
			out = append(out, list[j])
		}
	}
	return out
}

func leaderFact(l gen.Leader) sample.LeaderFact {
	return sample.LeaderFact{ZH: l.ZH, EN: l.EN, TitleZH: l.TitleZH, TitleEN: l.TitleEN}
}

func reportFact(r *report) sample.ReportFact {
	d := r.doc
	a := d.Article
	rf := sample.ReportFact{Path: r.path, Section: r.sec.path, Title: a.Title, Published: a.Published.String(),
		Lang: a.Lang, Org: d.Org.ZH, Type: d.Type, MeetingDate: d.MeetingDate, DateInText: "month_day",
		Speaker: leaderFact(d.Speaker), Presider: leaderFact(d.Presider), Attendance: d.Attendance, PeriodYear: d.PeriodYear,
		Themes: d.Themes, Author: a.Author}
	first := strings.SplitN(a.Body, "\n", 2)[0]
	year := d.MeetingDate[:4]
	if strings.HasPrefix(first, year+"年") || strings.Contains(first, ", "+year+", the") {
		rf.DateInText = "full"
	}
	if rf.Themes == nil {
		rf.Themes = []string{}
	}
	for _, it := range d.Items {
		rf.Items = append(rf.Items, sample.ItemFact{Text: it.Text, Family: it.Family})
	}
	return rf
}

func fill(m map[int]int, years []int) map[int]int {
	out := map[int]int{}
	for _, y := range years {
		out[y] = m[y]
	}
	return out
}

// hasShape reports whether per-year counts show a trend shape (see
// sample.ThemeFact.Trend) and returns its peak years.
func hasShape(shape string, docs, total map[int]int, years []int) ([]int, bool) {
	share := func(y int) float64 { return float64(docs[y]) / float64(max(total[y], 1)) }
	n := len(years)
	first, last := years[0], years[n-1]
	var peaks []int
	for k := 1; k < n-1; k++ {
		y := years[k]
		if share(y)-share(years[k-1]) >= 0.3 && share(y)-share(years[k+1]) >= 0.3 {
			peaks = append(peaks, y)
		}
	}
	switch shape {
	case "rising":
		return nil, share(last)-share(first) >= 0.3
	case "gone":
		return nil, docs[first] >= 3 && docs[last] == 0 && docs[years[n-2]] == 0
	case "new":
		return nil, docs[first] == 0 && docs[years[1]] == 0 && docs[last] >= 3
	case "peaked":
		best := years[1]
		for _, y := range years[1 : n-1] {
			if share(y) > share(best) {
				best = y
			}
		}
		return []int{best}, share(best)-share(first) >= 0.3 && share(best)-share(last) >= 0.3
	case "campaign":
		return peaks, len(peaks) >= 2
	case "steady":
		lo, hi := 1.0, 0.0
		for _, y := range years {
			lo, hi = min(lo, share(y)), max(hi, share(y))
		}
		return nil, hi-lo <= 0.25
	}
	return nil, false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type writer struct{ dir string }

func (w *writer) file(name string, b []byte) error {
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// page writes a page in its section's charset and records how it is served.
func (w *writer) page(f *sample.FactSheet, path string, s *section, kind, text string) error {
	b := []byte(text)
	ct := "text/html"
	if s.charset == "gbk" {
		enc, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
		if err != nil {
			return fmt.Errorf("%s: GBK: %w", path, err)
		}
		b = enc
	}
	if s.header {
		ct += "; charset=" + s.charset
	}
	if kind == "home" {
		ct = "text/html; charset=utf-8"
	}
	file := strings.TrimPrefix(path, "/")
	f.Pages = append(f.Pages, sample.PageFact{Path: path, File: file, ContentType: ct, Kind: kind})
	return w.file(file, b)
}

const robots = `# robots.txt for the Jianghai party building portal
User-agent: *
Disallow: /admin/
Disallow: /search
`

var esc = html.EscapeString

func nav(b *bytes.Buffer) {
	b.WriteString(`<div class="top"><div class="logo"><a href="/">` + siteZH + `</a></div><ul class="nav"><li><a href="/">首页</a></li>`)
	for _, s := range sections {
		b.WriteString(`<li><a href="` + s.path + `">` + s.nameZH + `</a></li>`)
	}
	b.WriteString(`</ul><form class="search" action="/search" method="get"><input name="q" type="text"><button>搜索</button></form></div>` + "\n")
}

func footer(b *bytes.Buffer) {
	b.WriteString(`<div class="footer"><p><a href="/">网站首页</a> | <a href="/admin/login.html">后台管理</a> | <a href="https://www.example.com/">友情链接</a></p>` +
		`<p>主办：江海党建网编辑部　地址：江海市滨江路88号　邮编：200000</p><p>版权所有 &copy; 2019-2024 ` + siteZH + `　备案号：沪ICP备00000000号</p></div>` + "\n")
}

func head(b *bytes.Buffer, title, charset string) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n")
	if charset == "gbk" {
		b.WriteString(`<meta http-equiv="Content-Type" content="text/html; charset=gbk">` + "\n")
	} else {
		b.WriteString(`<meta charset="utf-8">` + "\n")
	}
	b.WriteString("<title>" + esc(title) + "</title>\n</head>\n<body>\n")
}

func renderHome(reps []*report, bySec map[string][]*report) string {
	var b bytes.Buffer
	head(&b, siteZH+"_首页", "utf-8")
	nav(&b)
	b.WriteString(`<div class="banner">` + siteZH + `：记录基层党组织的每一次会议</div>` + "\n")
	for _, s := range sections {
		b.WriteString(`<div class="box"><h2><a href="` + s.path + `">` + s.nameZH + `</a><a class="more" href="` + s.path + `">更多&gt;&gt;</a></h2><ul>`)
		for i, r := range bySec[s.path] {
			if i == 4 {
				break
			}
			b.WriteString(`<li><a href="` + r.path + `">` + esc(r.doc.Article.Title) + `</a><span>` + r.doc.Article.Published.Date() + `</span></li>`)
		}
		b.WriteString("</ul></div>\n")
	}
	footer(&b)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

func renderListing(s *section, list []*report, p, pages int) string {
	var b bytes.Buffer
	en := s.skin == "en"
	if en {
		b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>News - " + siteEN + "</title>\n</head>\n<body>\n")
		b.WriteString(`<div class="top"><a href="/">中文</a> | <a href="/en/news/">English</a></div>` + "\n")
		b.WriteString(`<div class="crumb">Your location: <a href="/">Home</a> &gt; <a href="/en/news/">News</a></div>` + "\n")
	} else {
		head(&b, s.nameZH+"_"+siteZH, s.charset)
		nav(&b)
		b.WriteString(`<div class="location">您的位置：<a href="/">首页</a> &gt; <a href="` + s.path + `">` + s.nameZH + "</a></div>\n")
	}
	b.WriteString(`<div class="list"><ul>` + "\n")
	for _, r := range list {
		a := r.doc.Article
		b.WriteString(`<li><a href="` + r.path + `" title="` + esc(a.Title) + `" target="_blank">` + esc(a.Title) + `</a><span class="date">` + a.Published.Date() + "</span></li>\n")
	}
	b.WriteString("</ul></div>\n<div class=\"page\">")
	link := func(i int, label string) {
		b.WriteString(`<a href="` + s.path + listingName(i) + `">` + label + "</a> ")
	}
	if en {
		b.WriteString("Page " + strconv.Itoa(p+1) + " of " + strconv.Itoa(pages) + " ")
		link(0, "First")
		if p > 0 {
			link(p-1, "Previous")
		}
		if p+1 < pages {
			link(p+1, "Next")
		}
		link(pages-1, "Last")
	} else {
		b.WriteString("共" + strconv.Itoa(pages) + "页 ")
		link(0, "首页")
		if p > 0 {
			link(p-1, "上一页")
		}
		for i := 0; i < pages; i++ {
			if i == p {
				b.WriteString(`<span class="current">` + strconv.Itoa(i+1) + "</span> ")
			} else {
				link(i, strconv.Itoa(i+1))
			}
		}
		if p+1 < pages {
			link(p+1, "下一页")
		}
		link(pages-1, "尾页")
	}
	b.WriteString("</div>\n")
	if en {
		b.WriteString(`<div class="footer">Copyright &copy; 2019-2024 ` + siteEN + `. All Rights Reserved.</div>` + "\n</body>\n</html>\n")
	} else {
		footer(&b)
		b.WriteString("</body>\n</html>\n")
	}
	return b.String()
}

func views(r *report) string { return strconv.Itoa(150 + (r.no*7919)%2400) }

func paragraphs(b *bytes.Buffer, body, open string) {
	for _, p := range strings.Split(body, "\n") {
		b.WriteString(open + esc(p) + "</p>\n")
	}
}

func renderArticle(r *report, prev, next *report, related []*report) string {
	switch r.sec.skin {
	case "en":
		return renderEN(r, prev, next, related)
	case "old":
		return renderOld(r, prev, next, related)
	}
	return renderTRS(r, prev, next, related)
}

// renderTRS is the skin of a current CMS: h1 title, one info line.
func renderTRS(r *report, prev, next *report, related []*report) string {
	var b bytes.Buffer
	a := r.doc.Article
	s := r.sec
	head(&b, a.Title+"_"+s.nameZH+"_"+siteZH, s.charset)
	nav(&b)
	b.WriteString(`<div class="location">您的位置：<a href="/">首页</a> &gt; <a href="` + s.path + `">` + s.nameZH + "</a> &gt; 正文</div>\n")
	b.WriteString(`<div class="article">` + "\n<h1>" + esc(a.Title) + "</h1>\n")
	b.WriteString(`<div class="info">发布时间：` + a.Published.String() + `　来源：` + esc(a.Source) + `　作者：` + esc(a.Author) +
		`　浏览次数：<span id="views">` + views(r) + "</span></div>\n")
	b.WriteString(`<div class="share">分享到：<a href="javascript:;" class="wx">微信</a> <a href="javascript:;" class="wb">微博</a> <a href="javascript:;" class="qz">QQ空间</a></div>` + "\n")
	b.WriteString(`<div class="TRS_Editor">` + "\n")
	paragraphs(&b, a.Body, `<p style="text-indent:2em">`)
	b.WriteString("</div>\n")
	prevNext(&b, prev, next, "上一篇：", "下一篇：", "没有了")
	relatedBox(&b, related, "相关新闻")
	b.WriteString("</div>\n")
	footer(&b)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// renderOld is the skin of an older GBK CMS: table layout, date written in
// Chinese, click counter by script.
func renderOld(r *report, prev, next *report, related []*report) string {
	var b bytes.Buffer
	a := r.doc.Article
	s := r.sec
	head(&b, a.Title+" - "+siteZH, s.charset)
	nav(&b)
	pt := a.Published.Time.In(data.Shanghai)
	b.WriteString(`<table class="main" width="980" align="center"><tr><td>` + "\n")
	b.WriteString(`<div class="weizhi">您的位置：<a href="/">首页</a> &gt;&gt; <a href="` + s.path + `">` + s.nameZH + "</a> &gt;&gt; 正文</div>\n")
	b.WriteString(`<table width="100%"><tr><td class="biaoti" align="center"><h2>` + esc(a.Title) + "</h2></td></tr>\n")
	b.WriteString(`<tr><td class="xinxi" align="center">发布日期：` + pt.Format("2006年01月02日") + `　信息来源：` + esc(a.Source) +
		`　浏览次数：<script src="/count.js?id=` + strconv.Itoa(r.no) + `"></script></td></tr></table>` + "\n")
	b.WriteString(`<div id="zoom">` + "\n")
	paragraphs(&b, a.Body, `<p>`)
	b.WriteString("</div>\n")
	b.WriteString(`<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>` + "\n")
	prevNext(&b, prev, next, "上一条：", "下一条：", "无")
	relatedBox(&b, related, "相关新闻")
	b.WriteString("</td></tr></table>\n")
	footer(&b)
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

func renderEN(r *report, prev, next *report, related []*report) string {
	var b bytes.Buffer
	a := r.doc.Article
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(a.Title) + " - " + siteEN + "</title>\n</head>\n<body>\n")
	b.WriteString(`<div class="top"><a href="/">中文</a> | <a href="/en/news/">English</a></div>` + "\n")
	b.WriteString(`<div class="crumb">Your location: <a href="/">Home</a> &gt; <a href="/en/news/">News</a></div>` + "\n")
	b.WriteString(`<div class="detail">` + "\n<h1 class=\"title\">" + esc(a.Title) + "</h1>\n")
	b.WriteString(`<div class="meta"><span>Release time: ` + a.Published.String() + `</span> <span>Source: ` + esc(a.Source) +
		`</span> <span>Number of views: ` + views(r) + "</span></div>\n")
	b.WriteString(`<div class="content">` + "\n")
	paragraphs(&b, a.Body, "<p>")
	b.WriteString("</div>\n")
	b.WriteString(`<div class="share">Share to: <a href="javascript:;">WeChat</a> <a href="javascript:;">Weibo</a> <a href="javascript:;">LinkedIn</a></div>` + "\n")
	prevNext(&b, prev, next, "Previous: ", "Next: ", "None")
	relatedBox(&b, related, "Related News")
	b.WriteString("</div>\n")
	b.WriteString(`<div class="footer">Copyright &copy; 2019-2024 ` + siteEN + `. All Rights Reserved.</div>` + "\n</body>\n</html>\n")
	return b.String()
}

func prevNext(b *bytes.Buffer, prev, next *report, lp, ln, none string) {
	b.WriteString(`<div class="prevnext">`)
	for _, x := range []struct {
		label string
		r     *report
	}{{lp, prev}, {ln, next}} {
		b.WriteString("<p>" + x.label)
		if x.r == nil {
			b.WriteString(none)
		} else {
			b.WriteString(`<a href="` + x.r.path + `">` + esc(x.r.doc.Article.Title) + "</a>")
		}
		b.WriteString("</p>")
	}
	b.WriteString("</div>\n")
}

func relatedBox(b *bytes.Buffer, related []*report, label string) {
	b.WriteString(`<div class="related"><h3>` + label + "</h3><ul>")
	for _, r := range related {
		b.WriteString(`<li><a href="` + r.path + `">` + esc(r.doc.Article.Title) + "</a></li>")
	}
	b.WriteString("</ul></div>\n")
}

func render404() string {
	var b bytes.Buffer
	head(&b, "404 页面不存在_"+siteZH, "utf-8")
	b.WriteString(`<div class="error"><h1>404</h1><p>您访问的页面不存在或已被删除。</p><p><a href="/">返回首页</a></p></div>` + "\n</body>\n</html>\n")
	return b.String()
}
