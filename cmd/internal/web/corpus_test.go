package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"meetscan/analysis/taxonomy"
	"meetscan/data"
	"meetscan/data/gen"
	"meetscan/index"
)

// genCorpus is a generated corpus in a real store and a real index. The
// analyses are written from the generator's planted facts (what a perfect
// analyzer would find), so the web tests do not depend on the analyzer's
// accuracy and do not pay for it.
type genCorpus struct {
	Store  *data.Store
	Index  *index.Index
	Themes []Theme
	Truth  gen.Truth
}

func taxonomyThemes(t testing.TB) ([]Theme, *taxonomy.Taxonomy) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []Theme
	for _, th := range tax.Themes() {
		out = append(out, Theme{ID: th.ID, LabelEN: th.LabelEN, LabelZH: th.LabelZH})
	}
	return out, tax
}

// analysisOf writes the analysis a perfect analyzer would produce for a
// generated document.
func analysisOf(d *gen.Doc, tax *taxonomy.Taxonomy) *data.Analysis {
	a := d.Article
	zh := a.Lang != "en"
	an := &data.Analysis{Lang: a.Lang, MeetingDate: d.MeetingDate, MeetingType: d.Type, Attendance: d.Attendance}
	if d.Org != nil {
		an.Org = d.Org.ZH
		if !zh {
			an.Org = d.Org.EN
		}
	}
	for _, l := range []gen.Leader{d.Presider, d.Speaker} {
		name, role := l.ZH, l.TitleZH
		if !zh {
			name, role = l.EN, l.TitleEN
		}
		if name == "" || slices.ContainsFunc(an.People, func(p data.Person) bool { return p.Name == name }) {
			continue
		}
		an.People = append(an.People, data.Person{Name: name, Roles: []string{role}})
	}
	if len(an.People) > 0 {
		an.Speaker = an.People[len(an.People)-1].Name
	}
	text := strings.ToLower(a.Title + "\n" + a.Body)
	for _, id := range d.Themes {
		th, ok := tax.Theme(id)
		if !ok {
			continue
		}
		hit := data.ThemeHit{ID: id, LabelEN: th.LabelEN, LabelZH: th.LabelZH}
		for _, term := range append(slices.Clone(th.TermsZH), th.TermsEN...) {
			if n := strings.Count(text, strings.ToLower(term)); n > 0 {
				hit.Count += n
				hit.Terms = append(hit.Terms, term)
			}
		}
		an.Themes = append(an.Themes, hit)
		for _, term := range hit.Terms {
			an.Keywords = append(an.Keywords, data.Keyword{Term: term, Weight: 1})
		}
	}
	for _, it := range d.Items {
		an.Requirements = append(an.Requirements, data.Requirement{Text: it.Text, Speaker: an.Speaker})
	}
	return an
}

// The real corpus is built once per test binary and shared by the tests
// that need it (building it and loading gse take most of their time).
var (
	sharedOnce    sync.Once
	sharedCorpus  *genCorpus
	sharedHostile index.Doc
	sharedDir     string
	sharedErr     error
)

// onceTB lets buildGenCorpus run outside a test: failures are recorded
// and reported to every test that asks for the corpus.
type onceTB struct {
	testing.TB
	cleanups []func()
}

func (o *onceTB) Helper()                   {}
func (o *onceTB) Cleanup(f func())          { o.cleanups = append(o.cleanups, f) }
func (o *onceTB) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (o *onceTB) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

var sharedTB = &onceTB{}

// realCorpus returns the shared 400-article corpus with one hostile
// article, building it on first use.
func realCorpus(t *testing.T) (*genCorpus, index.Doc) {
	t.Helper()
	sharedOnce.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				sharedErr = fmt.Errorf("build corpus: %v", r)
			}
		}()
		sharedDir, sharedErr = os.MkdirTemp("", "meetscan-web-test-")
		if sharedErr != nil {
			return
		}
		sharedHostile = hostileDoc()
		sharedCorpus = buildGenCorpus(sharedTB, 400, sharedDir, true, sharedHostile)
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedCorpus, sharedHostile
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(sharedTB.cleanups) - 1; i >= 0; i-- {
		sharedTB.cleanups[i]()
	}
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// buildGenCorpus generates n articles into a store and an index under dir.
// extra documents (hostile input) are added as they are.
func buildGenCorpus(t testing.TB, n int, dir string, withStore bool, extra ...index.Doc) *genCorpus {
	t.Helper()
	themes, tax := taxonomyThemes(t)
	c := &genCorpus{Themes: themes}
	ix, err := index.Open(filepath.Join(dir, "index"), index.Config{AnalyzerVersion: "web-test", Taxonomy: tax})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	c.Index = ix
	if withStore {
		st, err := data.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		c.Store = st
	}
	ctx := context.Background()
	var batch []index.Doc
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if c.Store != nil {
			arts := make([]*data.Article, len(batch))
			ans := map[string]*data.Analysis{}
			for i, d := range batch {
				arts[i] = d.Article
				ans[d.Article.ID] = d.Analysis
			}
			if _, err := c.Store.PutArticles(arts); err != nil {
				t.Fatal(err)
			}
			if err := c.Store.PutAnalyses(ans); err != nil {
				t.Fatal(err)
			}
		}
		if err := ix.Add(ctx, batch); err != nil {
			t.Fatal(err)
		}
		batch = batch[:0]
	}
	truth, err := gen.GenerateDocs(gen.Default(n, 7), func(d *gen.Doc) error {
		d.Article.Normalize()
		batch = append(batch, index.Doc{Article: d.Article, Analysis: analysisOf(d, tax)})
		if len(batch) == 1000 {
			flush()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range extra {
		d.Article.Normalize()
		batch = append(batch, d)
	}
	flush()
	c.Truth = truth
	return c
}

// hostileDoc is an article whose every text field carries markup.
func hostileDoc() index.Doc {
	pub, _ := data.ParsePubTime("2024-06-01")
	a := &data.Article{URL: "https://evil.example/党建.html", Title: `<script>alert("title")</script>党建推进会 <img src=x onerror=alert(1)>`,
		Body: "正文<script>alert('body')</script>推动高质量发展，党建工作推进。\n</p><b>bold</b> & more", Lang: "zh", Published: pub}
	an := &data.Analysis{Lang: "zh", MeetingDate: "2024-06-01", Org: `<i>机关</i>`, MeetingType: data.MeetingPromotion,
		People:       []data.Person{{Name: `<b>赵六</b>`, Roles: []string{`<script>x</script>`}}},
		Requirements: []data.Requirement{{Text: `<script>alert("req")</script>`}},
		Themes:       []data.ThemeHit{{ID: "high_quality_development", Count: 1, Terms: []string{"高质量发展"}}},
		Keywords:     []data.Keyword{{Term: "<svg onload=alert(1)>", Weight: 1}}}
	return index.Doc{Article: a, Analysis: an}
}
