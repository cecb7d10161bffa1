package gen

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"meetscan/data"
)

func corpusHash(t testing.TB, cfg Config) ([32]byte, Truth) {
	t.Helper()
	h := sha256.New()
	enc := json.NewEncoder(h)
	truth, err := Generate(cfg, func(a *data.Article) error { return enc.Encode(a) })
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum, truth
}

func TestDeterministic(t *testing.T) {
	a, ta := corpusHash(t, Default(1500, 42))
	b, tb := corpusHash(t, Default(1500, 42))
	if a != b {
		t.Fatal("same seed gave different corpora")
	}
	ja, _ := json.Marshal(ta)
	jb, _ := json.Marshal(tb)
	if string(ja) != string(jb) {
		t.Fatal("same seed gave different truths")
	}
	c, _ := corpusHash(t, Default(1500, 43))
	if a == c {
		t.Fatal("different seeds gave the same corpus")
	}
}

// A document depends only on the seed and its position: a longer corpus
// starts with the documents of a shorter one of the same years.
func TestPrefixStable(t *testing.T) {
	cfg := Default(60, 5)
	cfg.FromYear, cfg.ToYear = 2020, 2020
	var first []string
	Generate(cfg, func(a *data.Article) error { first = append(first, a.Body); return nil })
	cfg.Docs = 90
	i := 0
	Generate(cfg, func(a *data.Article) error {
		if i < len(first) && a.Body != first[i] {
			t.Fatalf("doc %d changed when the corpus grew", i)
		}
		i++
		return nil
	})
}

func TestPlantedRates(t *testing.T) {
	cfg := Default(18000, 3)
	truth, err := Generate(cfg, func(*data.Article) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if truth.Docs != 18000 {
		t.Fatalf("docs = %d", truth.Docs)
	}
	for y := 2019; y <= 2024; y++ {
		if truth.DocsByYear[y] != 3000 {
			t.Errorf("year %d: %d docs, want 3000", y, truth.DocsByYear[y])
		}
	}
	// Binomial standard error at n=3000 is at most 0.0092; 0.035 is > 3.5 sigma.
	const tol = 0.035
	for _, th := range cfg.Themes {
		for y, rate := range th.RateByYear {
			got := float64(truth.ThemeDocs[th.ID][y]) / float64(truth.DocsByYear[y])
			if math.Abs(got-rate) > tol {
				t.Errorf("theme %s %d: share %.3f, planted %.3f", th.ID, y, got, rate)
			}
			if rate == 0 && truth.ThemeDocs[th.ID][y] != 0 {
				t.Errorf("theme %s %d: %d docs at rate 0", th.ID, y, truth.ThemeDocs[th.ID][y])
			}
		}
	}
	for _, r := range cfg.Recurring {
		for y := 2019; y <= 2024; y++ {
			rate := r.Rate
			if r.RateByYear != nil {
				rate = r.RateByYear[y]
			}
			got := float64(truth.FamilyDocs[r.ID][y]) / float64(truth.DocsByYear[y])
			// Items are capped at four recurring families a document, which
			// shaves a little off the planted rate.
			if got > rate+tol || got < rate-tol-0.01 {
				t.Errorf("family %s %d: share %.3f, planted %.3f", r.ID, y, got, rate)
			}
		}
		if truth.FamilyOrgs[r.ID] < 20 {
			t.Errorf("family %s recurs in only %d orgs", r.ID, truth.FamilyOrgs[r.ID])
		}
	}
	lang := map[string]float64{"zh": 0.70, "en": 0.25, "mixed": 0.05}
	for l, w := range lang {
		if got := float64(truth.DocsByLang[l]) / 18000; math.Abs(got-w) > 0.02 {
			t.Errorf("lang %s: share %.3f, want %.2f", l, got, w)
		}
	}
	for _, typ := range data.MeetingTypes {
		if truth.DocsByType[typ] == 0 {
			t.Errorf("no %s meetings", typ)
		}
	}
}

func containsFold(s, sub string) bool {
	if isASCII(sub) {
		return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
	}
	return strings.Contains(s, sub)
}

// The planted facts are exact: a document mentions a planted theme if and
// only if it was planted, every item is written in the body and found by
// FamilyOf, and nothing outside the requirement paragraph directs anything.
func TestTruthExact(t *testing.T) {
	cfg := Default(4000, 11)
	recount := map[string]map[int]int{}
	famDocs := map[string]map[int]int{}
	urls := map[string]bool{}
	hashes := map[string]bool{}
	var truthFam Truth
	truth, err := GenerateDocs(cfg, func(d *Doc) error {
		a := d.Article
		text := a.Title + "\n" + a.Body
		if !utf8.ValidString(text) {
			t.Fatalf("doc %d: invalid UTF-8", d.Index)
		}
		planted := map[string]bool{}
		for _, id := range d.Themes {
			planted[id] = true
		}
		for _, th := range cfg.Themes {
			found := false
			for _, term := range th.AllTerms() {
				if containsFold(text, term) {
					found = true
					break
				}
			}
			if found != planted[th.ID] {
				t.Fatalf("doc %d: theme %s found=%v planted=%v\n%s", d.Index, th.ID, found, planted[th.ID], text)
			}
			if found {
				if recount[th.ID] == nil {
					recount[th.ID] = map[int]int{}
				}
				recount[th.ID][d.Year]++
			}
		}
		seen := map[string]bool{}
		for _, it := range d.Items {
			if !strings.Contains(a.Body, it.Text) {
				t.Fatalf("doc %d: item %q not in body", d.Index, it.Text)
			}
			if !seen[it.Family] {
				seen[it.Family] = true
				if famDocs[it.Family] == nil {
					famDocs[it.Family] = map[int]int{}
				}
				famDocs[it.Family][d.Year]++
			}
		}
		if len(d.Items) < 2 {
			t.Fatalf("doc %d: %d items", d.Index, len(d.Items))
		}
		for _, p := range strings.Split(a.Body, "\n") {
			if isRequirementParagraph(p) {
				continue
			}
			if hasDirective(p) {
				t.Fatalf("doc %d: directive outside the requirements: %q", d.Index, p)
			}
		}
		if urls[a.URL] {
			t.Fatalf("doc %d: URL %s repeated", d.Index, a.URL)
		}
		urls[a.URL] = true
		a.Normalize()
		if hashes[a.ContentHash] {
			t.Fatalf("doc %d: content repeated", d.Index)
		}
		hashes[a.ContentHash] = true
		if d.MeetingDate[:4] != a.Published.Date()[:4] || d.MeetingDate > a.Published.Date() {
			t.Fatalf("doc %d: meeting %s published %s", d.Index, d.MeetingDate, a.Published.Date())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	truthFam = truth
	for _, th := range cfg.Themes {
		for y := 2019; y <= 2024; y++ {
			if recount[th.ID][y] != truth.ThemeDocs[th.ID][y] {
				t.Errorf("theme %s %d: truth %d, text %d", th.ID, y, truth.ThemeDocs[th.ID][y], recount[th.ID][y])
			}
		}
	}
	for f, m := range famDocs {
		for y, n := range m {
			if truth.FamilyDocs[f][y] != n {
				t.Errorf("family %s %d: truth %d, docs %d", f, y, truth.FamilyDocs[f][y], n)
			}
		}
	}
	// FamilyOf sees through markers and punctuation.
	for w, f := range truthFam.Family {
		for _, s := range []string{"二是" + w + "；", "Second, " + w + ".", "（三）" + w + "。"} {
			if got := truthFam.FamilyOf(s); got != f {
				t.Errorf("FamilyOf(%q) = %q, want %q", s, got, f)
			}
		}
	}
	if got := truthFam.FamilyOf("会议听取了工作汇报。"); got != "" {
		t.Errorf("FamilyOf(unplanted) = %q", got)
	}
}

func isRequirementParagraph(p string) bool {
	return strings.Contains(p, "要求：") || strings.Contains(p, "强调：") ||
		strings.Contains(p, "requirements") || strings.Contains(p, "stressed the following")
}

func hasDirective(p string) bool {
	q := p
	for _, ok := range []string{"重要", "要点", "要求", "主要", "纪要"} {
		q = strings.ReplaceAll(q, ok, "")
	}
	if strings.Contains(q, "要") || strings.Contains(q, "必须") || strings.Contains(q, "务必") {
		return true
	}
	l := " " + strings.ToLower(p) + " "
	for _, w := range []string{" should ", " must ", " necessary "} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func TestValidate(t *testing.T) {
	base := func() Config { return Default(10, 1) }
	tests := []struct {
		name string
		edit func(*Config)
	}{
		{"negative docs", func(c *Config) { c.Docs = -1 }},
		{"years reversed", func(c *Config) { c.FromYear, c.ToYear = 2024, 2019 }},
		{"no orgs", func(c *Config) { c.Orgs = 0 }},
		{"org without presider", func(c *Config) {
			o := NewOrg("street", "东港", "Donggang", 1)
			o.Leaders = o.Leaders[:1]
			c.OrgList = []Org{o}
		}},
		{"negative language weight", func(c *Config) { c.Lang.EN = -1 }},
		{"unknown meeting type", func(c *Config) { c.Types = map[string]float64{"picnic": 1} }},
		{"zero meeting type weights", func(c *Config) { c.Types = map[string]float64{"review": 0} }},
		{"repeated theme", func(c *Config) { c.Themes = append(c.Themes, c.Themes[0]) }},
		{"theme without english", func(c *Config) { c.Themes[0].TermsEN = nil }},
		{"bad not_before", func(c *Config) { c.Themes[0].NotBefore = "late 2022" }},
		{"repeated family", func(c *Config) { c.Distractors = append(c.Distractors, c.Recurring[0]) }},
		{"wording contains planted term", func(c *Config) {
			c.Recurring[0].ZH = append(c.Recurring[0].ZH, "要推动高质量发展")
		}},
		{"theme term inside another", func(c *Config) {
			c.Themes[1].TermsZH = append(c.Themes[1].TermsZH, "质量发展")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.edit(&c)
			if err := c.Validate(); !errors.Is(err, ErrConfig) {
				t.Fatalf("Validate = %v, want ErrConfig", err)
			}
			if _, err := Generate(c, func(*data.Article) error { return nil }); err == nil {
				t.Fatal("Generate accepted a bad config")
			}
		})
	}
	c := base()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Generate(Default(100, 1), func(*data.Article) error {
		n++
		if n == 7 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 7 {
		t.Fatalf("err = %v after %d docs", err, n)
	}
}

type taxTheme struct {
	ID      string   `yaml:"id"`
	TermsZH []string `yaml:"terms_zh"`
	TermsEN []string `yaml:"terms_en"`
}

// The planted themes must be themes of the embedded taxonomy, planted with
// its terms, and no other text of the generator may contain any taxonomy
// term of a planted theme: then the analyser's counts equal the Truth.
func TestTaxonomyAgreement(t *testing.T) {
	b, err := fs.ReadFile(data.Assets(), data.TaxonomyFile)
	if err != nil {
		t.Skipf("no embedded taxonomy yet: %v", err)
	}
	var doc struct {
		Themes []taxTheme `yaml:"themes"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("taxonomy: %v", err)
	}
	tax := map[string]taxTheme{}
	for _, th := range doc.Themes {
		tax[th.ID] = th
	}
	cfg := Default(10, 1)
	fixed := cfg.FixedTexts()
	for _, th := range cfg.Themes {
		tt, ok := tax[th.ID]
		if !ok {
			t.Errorf("planted theme %s is not in the taxonomy", th.ID)
			continue
		}
		terms := map[string]bool{}
		for _, s := range append(append([]string(nil), tt.TermsZH...), tt.TermsEN...) {
			terms[strings.ToLower(s)] = true
		}
		for _, s := range th.AllTerms() {
			if !terms[strings.ToLower(s)] {
				t.Errorf("theme %s: planted term %q is not a taxonomy term", th.ID, s)
			}
		}
		for _, term := range append(append([]string(nil), tt.TermsZH...), tt.TermsEN...) {
			for _, f := range fixed {
				if isASCII(term) && containsWord(f, term) || !isASCII(term) && strings.Contains(f, term) {
					t.Errorf("theme %s: taxonomy term %q occurs in fixed text %q", th.ID, term, f)
				}
			}
		}
	}
}

// containsWord reports whether phrase occurs in s as whole words, ignoring
// case and punctuation, as the taxonomy's English matching does.
func containsWord(s, phrase string) bool {
	norm := func(x string) string {
		x = strings.ToLower(x)
		x = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return ' '
		}, x)
		return " " + strings.Join(strings.Fields(x), " ") + " "
	}
	return strings.Contains(norm(s), norm(phrase))
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000} {
		cfg := Default(n, 1)
		b.Run("gen", func(b *testing.B) {
			var bytes int64
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				bytes = 0
				Generate(cfg, func(a *data.Article) error { bytes += int64(len(a.Body)); return nil })
			}
			b.SetBytes(bytes)
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		// Baseline: what every consumer does with an article anyway (hash
		// its text, derive its id), on the same articles.
		var arts []data.Article
		Generate(cfg, func(a *data.Article) error { arts = append(arts, *a); return nil })
		b.Run("normalize-baseline", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for j := range arts {
					a := arts[j]
					a.Normalize()
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// Generation streams: the live heap does not grow with the corpus.
func TestConstantMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 22,000 documents")
	}
	peak := func(n int) uint64 {
		var p uint64
		var ms runtime.MemStats
		k := 0
		Generate(Default(n, 1), func(a *data.Article) error {
			if k++; k%1000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				p = max(p, ms.HeapAlloc)
			}
			return nil
		})
		return p
	}
	small, large := peak(2000), peak(20000)
	if large > small+256<<10 {
		t.Errorf("live heap %d KB at 20k docs vs %d KB at 2k", large>>10, small>>10)
	}
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{98: "98th", 100: "100th", 101: "101st", 102: "102nd", 103: "103rd", 111: "111th", 112: "112th", 113: "113th", 121: "121st"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDefaultRange(t *testing.T) {
	if cfg := DefaultRange(10, 1, 2019, 2024); cfg.Themes[0].RateByYear[2024] != Default(10, 1).Themes[0].RateByYear[2024] {
		t.Fatal("DefaultRange over 2019-2024 differs from Default")
	}
	cfg := DefaultRange(1100, 1, 2014, 2024)
	hq := cfg.Themes[0] // high_quality_development: .10 → .60
	if hq.ID != "high_quality_development" || hq.RateByYear[2014] != 0.10 || hq.RateByYear[2024] != 0.60 {
		t.Fatalf("ends not kept: %v", hq.RateByYear)
	}
	for y := 2015; y <= 2024; y++ {
		if hq.RateByYear[y] < hq.RateByYear[y-1] {
			t.Fatalf("a rising curve falls in %d: %v", y, hq.RateByYear)
		}
	}
	truth, err := Generate(cfg, func(*data.Article) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(truth.DocsByYear) != 11 || truth.DocsByYear[2014] != 100 {
		t.Fatalf("docs by year %v", truth.DocsByYear)
	}
	if single := DefaultRange(10, 1, 2020, 2020); single.Themes[0].RateByYear[2020] != 0.10 {
		t.Fatalf("one-year range: %v", single.Themes[0].RateByYear)
	}
}

// A stated period year is the year the report counts for (index and
// trends count a report for its period year first).
func TestPeriodYear(t *testing.T) {
	stated := 0
	GenerateDocs(Default(3000, 4), func(d *Doc) error {
		if d.PeriodYear == 0 {
			return nil
		}
		stated++
		if d.PeriodYear != d.Year || !strings.Contains(d.Article.Title+d.Article.Body, strconv.Itoa(d.PeriodYear)) {
			t.Fatalf("doc %d (%s, %s): period %d", d.Index, d.Type, d.MeetingDate, d.PeriodYear)
		}
		return nil
	})
	if stated < 600 {
		t.Errorf("only %d reports state a period", stated)
	}
}
