// Package gen generates deterministic synthetic meeting reports with planted
// facts: themes whose share of each year's meetings is known, and recurring
// requirements written in several wordings (paraphrase families) beside
// distractors that share their boilerplate words but mean something else.
//
// Benchmarks and tests of search, trends and requirement grouping use it to
// assert exact numbers on corpora of any size; the embedded sample site is
// generated from it too. The same Config and Seed always yield the same
// articles, byte for byte.
package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"meetscan/data"
)

// LangMix weighs the languages of the generated articles. Weights need not
// sum to one; all zero means Chinese only.
type LangMix struct {
	ZH, EN, Mixed float64
}

// PlantedTheme is a theme mentioned by a known share of each year's meetings.
type PlantedTheme struct {
	ID      string   // taxonomy theme id
	TermsZH []string // terms written in Chinese articles (one is chosen per mention)
	TermsEN []string // terms written in English articles
	// RateByYear is the probability that an article of that year mentions
	// the theme; years not listed never mention it.
	RateByYear map[int]float64
	// ZHByYear and ENByYear, when they list a year, replace the terms
	// written in that year: the vocabulary of a theme shifts (十九大 → 二十大)
	// while the theme stays the same.
	ZHByYear, ENByYear map[int][]string
	// Eras, when one has begun by the meeting day, replace the terms from
	// that day on (the last era begun wins), for shifts within a year: 党的
	// 二十大 after October 2022.
	Eras []Era
	// NotBefore, when set ("2022-10-22"), keeps the theme out of meetings
	// held before that day, e.g. a congress's spirit before the congress.
	NotBefore string
}

// Era is a set of terms a theme is written with from a day on.
type Era struct {
	From   string // YYYY-MM-DD
	ZH, EN []string
}

// PlantedRequirement is one directive (a family of paraphrases) planted as an
// enumerated requirement item.
type PlantedRequirement struct {
	ID string   // family id, unique in a Config
	ZH []string // Chinese wordings, each a complete clause without its marker
	EN []string // English wordings, lower-case clauses ("branch secretaries must …")
	// RateByYear is the probability that an article of that year carries
	// the directive; years not listed never do. Nil means Rate in every year.
	RateByYear map[int]float64
	Rate       float64
}

// Org is a publishing organisation with the leaders who preside and speak.
type Org struct {
	ZH, EN  string // full names
	Kind    string // company, institute, university, street, bureau, hospital
	Leaders []Leader
}

// Leader is a person with the title written before the name.
type Leader struct {
	ZH, EN           string // 吴秋珏 / Wu Qiujue
	TitleZH, TitleEN string // 党委书记、董事长 / Party Committee Secretary and Chairman
}

// Config describes a synthetic corpus.
type Config struct {
	Docs             int
	FromYear, ToYear int // inclusive; documents are spread evenly over the years
	Seed             int64
	Lang             LangMix
	// Orgs is the number of generated organisations, used when OrgList is empty.
	Orgs    int
	OrgList []Org
	// Types weighs the meeting types (data.MeetingReview …); nil means a
	// realistic default mix.
	Types       map[string]float64
	Themes      []PlantedTheme
	Recurring   []PlantedRequirement
	Distractors []PlantedRequirement
	// ThemeDirectives is the probability that a planted theme is also
	// written as a requirement item ("要持续深化{theme}…", family
	// "theme:<id>"): 0 means 1/3, negative means never. The directive frames
	// are shared by all themes, so they are hard cases for grouping.
	ThemeDirectives float64
	// Host is the host of the generated URLs (default "reports.meetscan.test").
	Host string
}

// Item is one planted requirement item of a generated article.
type Item struct {
	Text   string // the item as written, without its enumeration marker
	Family string // family id: a Recurring or Distractor id, or "theme:<id>"
	Lang   string // "zh" or "en"
}

// Doc is a generated article with the facts planted in it.
type Doc struct {
	Article     *data.Article
	Index       int // 0-based position in the corpus
	Year        int
	MeetingDate string // YYYY-MM-DD (the text sometimes gives only month and day)
	Type        string // meeting type
	Org         *Org
	Presider    Leader
	Speaker     Leader
	Attendance  int // 0 when the text states none
	// PeriodYear is the work year the meeting name states ("2023年度…"),
	// always Year; 0 when the name states none.
	PeriodYear int
	Themes     []string // planted theme ids, in Config order
	Items      []Item   // requirement items in the order written

	author string
}

// Truth is what a corpus contains, for tests to assert against.
type Truth struct {
	Docs       int
	DocsByYear map[int]int
	DocsByLang map[string]int
	DocsByType map[string]int
	DocsByOrg  map[string]int // Chinese org name -> docs
	// ThemeDocs counts, per theme id and year, the documents that mention
	// the theme (any of its terms, at least once).
	ThemeDocs map[string]map[int]int
	// FamilyDocs counts, per family id and year, the documents carrying an
	// item of that family (recurring, distractor or "theme:<id>").
	FamilyDocs map[string]map[int]int
	// FamilyOrgs counts the distinct organisations per family.
	FamilyOrgs map[string]int
	// Family maps every wording that can be planted to its family id.
	Family map[string]string
	// Distractor tells which family ids are distractors.
	Distractor map[string]bool
}

// FamilyOf returns the family of an extracted requirement text: the family
// of the longest planted wording it contains, or "" when it contains none.
// Extracted items carry markers and punctuation ("二是要…；"), hence the
// containment rather than equality.
func (t *Truth) FamilyOf(text string) string {
	best, fam := 0, ""
	lower := strings.ToLower(text)
	for w, f := range t.Family {
		if len(w) > best && strings.Contains(lower, strings.ToLower(w)) {
			best, fam = len(w), f
		}
	}
	return fam
}

// ErrConfig reports an unusable Config.
var ErrConfig = errors.New("gen: bad config")

// Validate checks a Config: sizes, years, unique ids, and that no fixed text
// of the generator or of a requirement wording contains a term of a planted
// theme, which would make the planted counts inexact.
func (c *Config) Validate() error {
	if c.Docs < 0 {
		return fmt.Errorf("%w: docs %d < 0", ErrConfig, c.Docs)
	}
	if c.FromYear <= 0 || c.ToYear < c.FromYear {
		return fmt.Errorf("%w: years %d-%d", ErrConfig, c.FromYear, c.ToYear)
	}
	if len(c.OrgList) == 0 && c.Orgs <= 0 {
		return fmt.Errorf("%w: no organisations", ErrConfig)
	}
	if c.Lang.ZH < 0 || c.Lang.EN < 0 || c.Lang.Mixed < 0 {
		return fmt.Errorf("%w: negative language weight %+v", ErrConfig, c.Lang)
	}
	if len(c.Types) > 0 {
		known, sum := map[string]bool{}, 0.0
		for _, t := range data.MeetingTypes {
			known[t] = true
		}
		for t, w := range c.Types {
			if !known[t] || w < 0 {
				return fmt.Errorf("%w: meeting type weight %s=%v", ErrConfig, t, w)
			}
			sum += w
		}
		if sum <= 0 {
			return fmt.Errorf("%w: all meeting type weights are zero", ErrConfig)
		}
	}
	for _, o := range c.OrgList {
		if len(o.Leaders) < 2 {
			return fmt.Errorf("%w: org %q needs a speaker and a presider (2 leaders)", ErrConfig, o.ZH)
		}
	}
	seen := map[string]bool{}
	for _, th := range c.Themes {
		if th.ID == "" || seen["t:"+th.ID] {
			return fmt.Errorf("%w: theme id %q empty or repeated", ErrConfig, th.ID)
		}
		seen["t:"+th.ID] = true
		if len(th.TermsZH) == 0 || len(th.TermsEN) == 0 {
			return fmt.Errorf("%w: theme %s needs Chinese and English terms", ErrConfig, th.ID)
		}
		if th.NotBefore != "" {
			if _, err := time.Parse(time.DateOnly, th.NotBefore); err != nil {
				return fmt.Errorf("%w: theme %s not_before: %v", ErrConfig, th.ID, err)
			}
		}
		for _, e := range th.Eras {
			if _, err := time.Parse(time.DateOnly, e.From); err != nil {
				return fmt.Errorf("%w: theme %s era: %v", ErrConfig, th.ID, err)
			}
		}
	}
	reqs := append(append([]PlantedRequirement(nil), c.Recurring...), c.Distractors...)
	for _, r := range reqs {
		if r.ID == "" || seen["r:"+r.ID] {
			return fmt.Errorf("%w: requirement id %q empty or repeated", ErrConfig, r.ID)
		}
		seen["r:"+r.ID] = true
		if len(r.ZH) == 0 || len(r.EN) == 0 {
			return fmt.Errorf("%w: requirement %s needs Chinese and English wordings", ErrConfig, r.ID)
		}
	}
	fixed := c.fixedTexts()
	lower := make([]string, len(fixed))
	for i, f := range fixed {
		lower[i] = strings.ToLower(f)
	}
	for _, th := range c.Themes {
		for _, term := range th.allTerms() {
			lt := strings.ToLower(term)
			for i, f := range lower {
				if strings.Contains(f, lt) {
					f = fixed[i]
					return fmt.Errorf("%w: fixed text %q contains term %q of planted theme %s", ErrConfig, f, term, th.ID)
				}
			}
			for _, o := range c.Themes {
				if o.ID == th.ID {
					continue
				}
				for _, ot := range o.allTerms() {
					if strings.Contains(strings.ToLower(ot), lt) {
						return fmt.Errorf("%w: term %q of theme %s contains term %q of theme %s", ErrConfig, ot, o.ID, term, th.ID)
					}
				}
			}
		}
	}
	return nil
}

// allTerms returns every term the theme can be written with.
func (th *PlantedTheme) allTerms() []string {
	out := append(append([]string(nil), th.TermsZH...), th.TermsEN...)
	// Map order is random; sorted years keep the list deterministic.
	for _, m := range []map[int][]string{th.ZHByYear, th.ENByYear} {
		years := make([]int, 0, len(m))
		for y := range m {
			years = append(years, y)
		}
		sort.Ints(years)
		for _, y := range years {
			out = append(out, m[y]...)
		}
	}
	for _, e := range th.Eras {
		out = append(out, e.ZH...)
		out = append(out, e.EN...)
	}
	return out
}

// Terms returns the terms written for the theme on a meeting day in a
// language.
func (th *PlantedTheme) Terms(day time.Time, zh bool) []string {
	for i := len(th.Eras) - 1; i >= 0; i-- {
		e := th.Eras[i]
		if f, err := time.ParseInLocation(time.DateOnly, e.From, day.Location()); err == nil && !day.Before(f) {
			if zh && len(e.ZH) > 0 {
				return e.ZH
			}
			if !zh && len(e.EN) > 0 {
				return e.EN
			}
		}
	}
	year := day.Year()
	if zh {
		if ts := th.ZHByYear[year]; len(ts) > 0 {
			return ts
		}
		return th.TermsZH
	}
	if ts := th.ENByYear[year]; len(ts) > 0 {
		return ts
	}
	return th.TermsEN
}

// AllTerms returns every term the theme can be written with, both languages.
func (th *PlantedTheme) AllTerms() []string { return th.allTerms() }

// FixedTexts returns every text fragment the generator writes besides the
// planted theme terms: templates, requirement wordings, names. Tests check
// them against a taxonomy.
func (c *Config) FixedTexts() []string { return c.fixedTexts() }

func (c *Config) fixedTexts() []string {
	var out []string
	out = append(out, allTemplates()...)
	for _, r := range append(append([]PlantedRequirement(nil), c.Recurring...), c.Distractors...) {
		out = append(out, r.ZH...)
		out = append(out, r.EN...)
	}
	for _, o := range c.orgs() {
		out = append(out, o.ZH, o.EN)
		for _, l := range o.Leaders {
			out = append(out, l.ZH, l.EN, l.TitleZH, l.TitleEN)
		}
	}
	return out
}

func (c *Config) orgs() []Org {
	if len(c.OrgList) > 0 {
		return c.OrgList
	}
	return MakeOrgs(c.Orgs, c.Seed)
}

// Generate streams cfg.Docs articles to fn in order and returns the planted
// facts. Memory does not grow with cfg.Docs. An error from fn stops the run
// and is returned.
func Generate(cfg Config, fn func(*data.Article) error) (Truth, error) {
	return GenerateDocs(cfg, func(d *Doc) error { return fn(d.Article) })
}

// GenerateDocs is Generate with the planted facts of every document.
func GenerateDocs(cfg Config, fn func(*Doc) error) (Truth, error) {
	if err := cfg.Validate(); err != nil {
		return Truth{}, err
	}
	g := newGenerator(&cfg)
	for i := 0; i < cfg.Docs; i++ {
		d := g.doc(i)
		g.count(d)
		if err := fn(d); err != nil {
			return g.truth, fmt.Errorf("gen doc %d: %w", i, err)
		}
	}
	g.finish()
	return g.truth, nil
}

type generator struct {
	cfg       *Config
	orgs      []Org
	notBefore []time.Time
	types     []string
	typeCum   []float64
	langCum   [3]float64
	truth     Truth
	famOrgs   map[string]map[string]bool
}

func newGenerator(cfg *Config) *generator {
	g := &generator{cfg: cfg, orgs: cfg.orgs(), famOrgs: map[string]map[string]bool{}}
	for _, th := range cfg.Themes {
		var t time.Time
		if th.NotBefore != "" {
			t, _ = time.ParseInLocation(time.DateOnly, th.NotBefore, data.Shanghai)
		}
		g.notBefore = append(g.notBefore, t)
	}
	tw := cfg.Types
	if len(tw) == 0 {
		tw = defaultTypeWeights
	}
	sum := 0.0
	for _, t := range data.MeetingTypes { // fixed order keeps runs deterministic
		if w := tw[t]; w > 0 {
			sum += w
			g.types = append(g.types, t)
			g.typeCum = append(g.typeCum, sum)
		}
	}
	for i := range g.typeCum {
		g.typeCum[i] /= sum
	}
	lm := cfg.Lang
	if lm.ZH+lm.EN+lm.Mixed <= 0 {
		lm = LangMix{ZH: 1}
	}
	tot := lm.ZH + lm.EN + lm.Mixed
	g.langCum = [3]float64{lm.ZH / tot, (lm.ZH + lm.EN) / tot, 1}
	g.truth = Truth{
		DocsByYear: map[int]int{}, DocsByLang: map[string]int{}, DocsByType: map[string]int{},
		DocsByOrg: map[string]int{}, ThemeDocs: map[string]map[int]int{},
		FamilyDocs: map[string]map[int]int{}, FamilyOrgs: map[string]int{},
		Family: map[string]string{}, Distractor: map[string]bool{},
	}
	for _, th := range cfg.Themes {
		g.truth.ThemeDocs[th.ID] = map[int]int{}
		for _, w := range themeDirectives(th) {
			g.truth.Family[w] = "theme:" + th.ID
		}
	}
	for _, r := range cfg.Recurring {
		for _, w := range append(append([]string(nil), r.ZH...), r.EN...) {
			g.truth.Family[w] = r.ID
		}
	}
	for _, r := range cfg.Distractors {
		g.truth.Distractor[r.ID] = true
		for _, w := range append(append([]string(nil), r.ZH...), r.EN...) {
			g.truth.Family[w] = r.ID
		}
	}
	return g
}

func (g *generator) count(d *Doc) {
	t := &g.truth
	t.Docs++
	t.DocsByYear[d.Year]++
	t.DocsByLang[d.Article.Lang]++
	t.DocsByType[d.Type]++
	t.DocsByOrg[d.Org.ZH]++
	for _, id := range d.Themes {
		t.ThemeDocs[id][d.Year]++
	}
	seen := map[string]bool{}
	for _, it := range d.Items {
		if seen[it.Family] {
			continue
		}
		seen[it.Family] = true
		m := t.FamilyDocs[it.Family]
		if m == nil {
			m = map[int]int{}
			t.FamilyDocs[it.Family] = m
		}
		m[d.Year]++
		o := g.famOrgs[it.Family]
		if o == nil {
			o = map[string]bool{}
			g.famOrgs[it.Family] = o
		}
		o[d.Org.ZH] = true
	}
}

func (g *generator) finish() {
	for f, o := range g.famOrgs {
		g.truth.FamilyOrgs[f] = len(o)
	}
}

// rng returns the random source of document i: documents do not depend on
// each other's draws, so changing one template shifts no other document.
func (g *generator) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(g.cfg.Seed), uint64(i)*0x9E3779B97F4A7C15+1))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (g *generator) doc(i int) *Doc {
	cfg := g.cfg
	r := g.rng(i)
	ny := cfg.ToYear - cfg.FromYear + 1
	year := cfg.FromYear + i*ny/max(cfg.Docs, 1)
	d := &Doc{Index: i, Year: year}
	d.Org = &g.orgs[r.IntN(len(g.orgs))]

	// Dates: the meeting day, then publication 0-4 days later in the same year.
	start := time.Date(year, 1, 1, 0, 0, 0, 0, data.Shanghai)
	days := start.AddDate(1, 0, 0).Sub(start).Hours()/24 - 5
	meet := start.AddDate(0, 0, r.IntN(int(days)))
	pub := meet.AddDate(0, 0, r.IntN(5))
	d.MeetingDate = meet.Format(time.DateOnly)
	pt := data.PubTime{Time: pub}
	if r.IntN(10) < 6 {
		pt.Time = pub.Add(time.Duration(8*60+r.IntN(11*60)) * time.Minute)
		pt.HasClock = true
	}

	x := r.Float64()
	lang := "zh"
	switch {
	case x >= g.langCum[1]:
		lang = "mixed"
	case x >= g.langCum[0]:
		lang = "en"
	}
	y := r.Float64()
	d.Type = g.types[len(g.types)-1]
	for k, c := range g.typeCum {
		if y < c {
			d.Type = g.types[k]
			break
		}
	}

	for k, th := range cfg.Themes {
		if !g.notBefore[k].IsZero() && meet.Before(g.notBefore[k]) {
			r.Float64() // keep the draw sequence independent of NotBefore
			continue
		}
		if r.Float64() < th.RateByYear[year] {
			d.Themes = append(d.Themes, th.ID)
		}
	}

	leaders := d.Org.Leaders
	d.Speaker = leaders[0]
	d.Presider = leaders[1+r.IntN(len(leaders)-1)]
	approx := false
	if r.IntN(3) == 0 {
		d.Attendance = 12 + r.IntN(140)
		if approx = r.IntN(2) == 0; approx {
			d.Attendance = d.Attendance / 10 * 10 // "60余人", "More than 60"
		}
	}

	w := writer{r: r, d: d, cfg: cfg, orgs: g.orgs, meet: meet, lang: lang, approx: approx}
	w.items()
	d.author = w.author()
	art := &data.Article{
		URL:       fmt.Sprintf("https://%s/%s/%s/t%s_%d.html", g.host(), orgSlug(d.Org), pub.Format("200601"), pub.Format("20060102"), 100000+i),
		Title:     w.title(),
		Published: pt,
		Source:    d.Org.ZH,
		Author:    d.author,
		Lang:      lang,
		Body:      w.body(i),
	}
	if lang == "en" {
		art.Source = d.Org.EN
	}
	art.Site = g.host()
	d.Article = art
	return d
}

func (g *generator) host() string {
	if g.cfg.Host != "" {
		return g.cfg.Host
	}
	return "reports.meetscan.test"
}

func orgSlug(o *Org) string {
	var b strings.Builder
	for _, f := range strings.Fields(o.EN) {
		c := f[0]
		if c >= 'A' && c <= 'Z' {
			b.WriteByte(c + 'a' - 'A')
		}
	}
	return b.String()
}

// Years returns the sorted years of a per-year count map.
func Years(m map[int]int) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}
