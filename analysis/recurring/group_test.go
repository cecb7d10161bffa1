package recurring

import (
	"context"

	"fmt"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
	"strings"
	"sync"
	"testing"

	"meetscan/analysis/segment"
	"meetscan/data/gen"
)

var (
	tokOnce   sync.Once
	tokShared *SegTokenizer
	tokErr    error
)

// testTokenizer loads gse once per test binary (~2 s, 300 MB).
func testTokenizer(tb testing.TB) *SegTokenizer {
	tb.Helper()
	tokOnce.Do(func() {
		seg, err := segment.Default()
		if err != nil {
			tokErr = err
			return
		}
		tokShared = NewTokenizer(seg)
	})
	if tokErr != nil {
		tb.Fatalf("segmenter: %v", tokErr)
	}
	return tokShared
}

// plantedRecords generates a corpus and returns its requirement records
// with the family of each (the ground truth). Themes are tagged the way the
// taxonomy matcher would: a requirement mentioning a planted theme's term
// carries that theme id.
func plantedRecords(tb testing.TB, cfg gen.Config) ([]Record, []string) {
	tb.Helper()
	var recs []Record
	var fams []string
	_, err := gen.GenerateDocs(cfg, func(d *gen.Doc) error {
		for _, it := range d.Items {
			recs = append(recs, Record{ArticleID: fmt.Sprint(d.Index), URL: d.Article.URL, Title: d.Article.Title,
				Year: d.Year, Date: d.MeetingDate, Org: d.Org.ZH, Speaker: d.Speaker.ZH, Text: it.Text,
				Themes: tagThemes(cfg.Themes, it.Text)})
			fams = append(fams, it.Family)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return recs, fams
}

func tagThemes(themes []gen.PlantedTheme, text string) []string {
	var ids []string
	lower := strings.ToLower(text)
	for _, th := range themes {
		for _, term := range th.AllTerms() {
			if strings.Contains(lower, strings.ToLower(term)) {
				ids = append(ids, th.ID)
				break
			}
		}
	}
	return ids
}

// pairScores computes pairwise precision and recall of a clustering
// against the truth without enumerating pairs: from the contingency table,
// TP = Σ C(n_ij, 2), predicted pairs = Σ C(a_i, 2), true pairs = Σ C(b_j, 2).
// keep selects the records evaluated (e.g. one language).
func pairScores(pred, truth []string, keep func(i int) bool) (p, r float64) {
	c2 := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	cells, a, b := map[[2]string]int{}, map[string]int{}, map[string]int{}
	for i := range pred {
		if keep != nil && !keep(i) {
			continue
		}
		cells[[2]string{pred[i], truth[i]}]++
		a[pred[i]]++
		b[truth[i]]++
	}
	var tp, pp, tpairs float64
	for _, n := range cells {
		tp += c2(n)
	}
	for _, n := range a {
		pp += c2(n)
	}
	for _, n := range b {
		tpairs += c2(n)
	}
	p, r = 1, 1
	if pp > 0 {
		p = tp / pp
	}
	if tpairs > 0 {
		r = tp / tpairs
	}
	return p, r
}

// assign maps every record to its group label (a singleton label when in
// no group), by article id and text.
func assign(groups []Group, recs []Record) []string {
	label := map[string]string{}
	for gi, g := range groups {
		for _, m := range g.Members {
			label[m.ArticleID+"\x00"+m.Text] = fmt.Sprint("g", gi)
		}
	}
	out := make([]string, len(recs))
	for i, r := range recs {
		l, ok := label[r.ArticleID+"\x00"+strings.TrimSpace(r.Text)]
		if !ok {
			l = fmt.Sprint("s", i)
		}
		out[i] = l
	}
	return out
}

// TestGroupPlanted measures pairwise precision and recall of the grouping
// against the generator's planted families: paraphrase families written in
// three wordings that share few words, distractors that share only
// boilerplate (要进一步加强…管理, must be further strengthened), and
// theme directives ("theme:<id>") whose frames are shared across themes.
func TestGroupPlanted(t *testing.T) {
	tok := testTokenizer(t)
	cfg := gen.Default(3000, 7)
	recs, fams := plantedRecords(t, cfg)
	g := New(tok, Options{})
	for _, r := range recs {
		g.Add(r)
	}
	groups, err := g.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pred := assign(groups, recs)
	zh := func(i int) bool { return !isEnglish(recs[i].Text) }
	en := func(i int) bool { return isEnglish(recs[i].Text) }
	pz, rz := pairScores(pred, fams, zh)
	pe, re := pairScores(pred, fams, en)
	pa, ra := pairScores(pred, fams, nil)
	t.Logf("%d requirements, %d wordings, %d groups", len(recs), len(g.classes), len(groups))
	t.Logf("pairwise zh P=%.3f R=%.3f; en P=%.3f R=%.3f; all P=%.3f R=%.3f", pz, rz, pe, re, pa, ra)
	for _, c := range []struct {
		name string
		p, r float64
	}{{"zh", pz, rz}, {"en", pe, re}} {
		if c.p < 0.95 || c.r < 0.8 {
			t.Errorf("%s: pairwise P=%.3f R=%.3f, want P ≥ 0.95 and R ≥ 0.8", c.name, c.p, c.r)
		}
	}
	// Across languages only theme directives can meet (through their
	// themes): precision must hold, recall is bounded by that.
	if pa < 0.95 {
		t.Errorf("all languages: P=%.3f, want ≥ 0.95", pa)
	}
	// No group mixes two distractors or a distractor with a directive.
	for _, gr := range groups {
		fam := ""
		for _, m := range gr.Members {
			f := familyOf(recs, fams, m)
			if fam == "" {
				fam = f
			} else if f != fam && (strings.HasPrefix(f, "x_") || strings.HasPrefix(fam, "x_")) {
				t.Errorf("group %q mixes %s and %s", gr.Text, fam, f)
				break
			}
		}
	}
	// The paraphrase families alone (theme directives, which are most of
	// the pairs, share their wording and group easily): the synonym map
	// must raise their recall without lowering precision.
	para := func(i int) bool {
		return !strings.HasPrefix(fams[i], "theme:") && !strings.HasPrefix(fams[i], "x_") && fams[i] != ""
	}
	g0 := New(tok, Options{NoSynonyms: true})
	for _, r := range recs {
		g0.Add(r)
	}
	groups0, err := g0.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pred0 := assign(groups0, recs)
	for _, c := range []struct {
		name string
		keep func(int) bool
	}{
		{"zh families", func(i int) bool { return zh(i) && para(i) }},
		{"en families", func(i int) bool { return en(i) && para(i) }},
	} {
		p0, r0 := pairScores(pred0, fams, c.keep)
		p1, r1 := pairScores(pred, fams, c.keep)
		t.Logf("%s: without synonyms P=%.3f R=%.3f; with P=%.3f R=%.3f", c.name, p0, r0, p1, r1)
		if p1 < 0.95 || r1 < r0+0.1 {
			t.Errorf("%s: P=%.3f R=%.3f with synonyms, R=%.3f without: want P ≥ 0.95 and R up by 0.1", c.name, p1, r1, r0)
		}
	}
	if len(groups) == 0 || len(groups[0].Years) != 6 || groups[0].Count < groups[len(groups)-1].Count {
		t.Errorf("groups not sorted by recurrence: first %+v", groups[0].Years)
	}
}

func familyOf(recs []Record, fams []string, m Member) string {
	for i, r := range recs {
		if r.ArticleID == m.ArticleID && r.Text == m.Text {
			return fams[i]
		}
	}
	return ""
}

func TestBoilerplateDoesNotGroup(t *testing.T) {
	tok := testTokenizer(t)
	texts := []struct{ text, fam string }{
		{"要进一步加强食堂管理，提高饭菜质量，改善就餐环境", "canteen"},
		{"要进一步加强食堂管理，提高饭菜质量，改善就餐环境", "canteen"},
		{"要进一步加强公务用车管理，严格执行派车登记", "vehicles"},
		{"要进一步加强公务用车管理，严格执行派车登记", "vehicles"},
		{"要进一步加强仪器设备维护保养，延长使用寿命", "equipment"},
		{"要加强节能降耗管理，做到随手关灯、节约用水", "energy"},
		{"the management of the canteen must be further strengthened to improve the food", "canteen_en"},
		{"the management of official vehicles must be further strengthened, with every dispatch registered", "vehicles_en"},
		{"the management of official vehicles must be strengthened and every dispatch registered", "vehicles_en"},
		{"要切实加强党员教育管理，严格组织生活", "members"},
	}
	g := New(tok, Options{MinCount: 1})
	for i, x := range texts {
		g.Add(Record{ArticleID: fmt.Sprint("a", i), Year: 2020 + i%3, Text: x.text})
	}
	groups, err := g.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	famOf := map[string]string{}
	for _, x := range texts {
		famOf[x.text] = x.fam
	}
	want := map[string]int{"canteen": 2, "vehicles": 2, "equipment": 1, "energy": 1, "canteen_en": 1, "vehicles_en": 2, "members": 1}
	if len(groups) != len(want) {
		for _, gr := range groups {
			t.Logf("%d %v", gr.Count, gr.Members)
		}
		t.Fatalf("%d groups, want %d", len(groups), len(want))
	}
	for _, gr := range groups {
		f := famOf[gr.Text]
		for _, m := range gr.Members {
			if famOf[m.Text] != f {
				t.Errorf("group %q holds %q", gr.Text, m.Text)
			}
		}
		if gr.Count != want[f] {
			t.Errorf("%s: count %d, want %d", f, gr.Count, want[f])
		}
	}
}

func TestThemesVetoAndBridge(t *testing.T) {
	tok := testTokenizer(t)
	g := New(tok, Options{})
	add := func(id, text string, year int, themes ...string) {
		g.Add(Record{ArticleID: id, URL: "https://x.test/" + id, Year: year, Date: fmt.Sprintf("%d-03-01", year), Org: "org" + id[:1],
			Speaker: "张三", Text: text, Themes: themes})
	}
	// Same frame, different themes: never one group.
	add("a1", "要持续深化高质量发展，推动各项部署落地见效", 2020, "hqd")
	add("a2", "要持续深化高质量发展，推动各项部署落地见效", 2021, "hqd")
	add("b1", "要持续深化主题教育，推动各项部署落地见效", 2020, "edu")
	add("b2", "要持续深化主题教育，推动各项部署落地见效", 2022, "edu")
	// The English version of the hqd directive meets it through the theme.
	add("c1", "it is necessary to keep deepening high-quality development so that every arrangement takes effect", 2023, "hqd")
	add("c2", "it is necessary to keep deepening high-quality development so that every arrangement takes effect", 2024, "hqd")
	groups, err := g.Groups(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 {
		t.Fatalf("%d groups, want 2: %+v", len(groups), groups)
	}
	hqd := groups[0]
	if hqd.Count != 4 || len(hqd.Years) != 4 || strings.Join(hqd.Langs, ",") != "en,zh" || hqd.FirstSeen != "2020-03-01" || hqd.LastSeen != "2024-03-01" {
		t.Errorf("bridged group %+v", hqd)
	}
	if hqd.Members[0].URL != "https://x.test/a1" || hqd.Speakers[0] != "张三" || len(hqd.Orgs) != 2 {
		t.Errorf("members %+v orgs %v", hqd.Members, hqd.Orgs)
	}
	if groups[1].Themes[0] != "edu" || groups[1].Count != 2 {
		t.Errorf("second group %+v", groups[1])
	}
	// With NoCrossLingual the English pair stays apart.
	g2 := New(tok, Options{NoCrossLingual: true, MinYears: 2})
	for _, r := range []Record{{ArticleID: "c1", Year: 2023, Text: "keep deepening high-quality development now", Themes: []string{"hqd"}},
		{ArticleID: "c2", Year: 2023, Text: "keep deepening high-quality development now", Themes: []string{"hqd"}}} {
		g2.Add(r)
	}
	if gs, _ := g2.Groups(context.Background()); len(gs) != 0 {
		t.Errorf("MinYears 2 kept a one-year group: %+v", gs)
	}
}

func TestCanonical(t *testing.T) {
	stem := func(w string) string {
		if r := []rune(w)[0]; r < 0x2E80 {
			return porterstemmer.StemString(w)
		}
		return w
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"每周", "定期", true},
		{"扛起", "压实", true},
		{"担起", "扛牢", true},
		{"集中学习", "学习制度", true},
		{"落细", "贯彻", true},
		{"台账", "记录", true},
		{"weekly", "regular", true},
		{"responsibility", "duties", true},
		{"precautions", "hazard", true},
		{"每周", "安全", false},
		{"食堂", "档案", false},
		{"secretary", "record", false},
	} {
		ca, cb := canonical(stem(tc.a)), canonical(stem(tc.b))
		if (ca == cb) != tc.same {
			t.Errorf("%q -> %q, %q -> %q: same = %v, want %v", tc.a, ca, tc.b, cb, ca == cb, tc.same)
		}
	}
	// Directive boilerplate (strengthen/enhance, implement/carry out, 落实)
	// is removed as stop words before the map applies, which already makes
	// such swaps free; the map must not resurrect it.
	tok := testTokenizer(t)
	if got := tok.Tokens("要进一步加强和落实 strengthen, enhance and implement"); len(got) != 0 {
		t.Errorf("boilerplate tokens %q", got)
	}
}

// TestRepresentative: the group's text is its most typical wording (the
// medoid), not merely the most frequent, and never keeps a marker.
func TestRepresentative(t *testing.T) {
	tok := testTokenizer(t)
	tests := []struct {
		name  string
		texts []string // one requirement each, in separate articles
		want  string
	}{
		{"marker stripped", []string{"（一）要坚持每周集中学习制度，做到学习有计划、有记录、有检查",
			"第三，要坚持每周集中学习制度，做到学习有计划、有记录、有检查",
			"二是要坚持每周集中学习制度，做到学习有计划、有记录、有检查"},
			"要坚持每周集中学习制度，做到学习有计划、有记录、有检查"},
		{"medoid beats the frequent outlier", []string{
			"branch records must be archived with minutes, photos and sign-in sheets",
			"branch records must be archived with minutes, photos and sign-in sheets",
			"branch records must be archived with minutes, photos and sign-in sheets",
			"branch records must be archived with minutes and photos, and ledgers kept complete",
			"branch records must be archived with minutes and photos, and ledgers kept complete",
			"ledgers must be kept complete, with photos and minutes filed on time",
			"ledgers must be kept complete, with photos and minutes filed on time",
			"ledgers must be kept complete, with photos and minutes filed on time"},
			"branch records must be archived with minutes and photos, and ledgers kept complete"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := New(tok, Options{})
			for i, x := range tc.texts {
				g.Add(Record{ArticleID: fmt.Sprint("a", i), Year: 2019 + i, Text: x})
			}
			groups, err := g.Groups(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(groups) != 1 {
				t.Fatalf("%d groups, want 1: %+v", len(groups), groups)
			}
			if groups[0].Text != tc.want {
				t.Errorf("text %q, want %q", groups[0].Text, tc.want)
			}
		})
	}
}

// TestConceptBridge: Chinese and English groups without themes meet
// through shared concepts of the synonym map, one-to-one; a group sharing
// a single concept does not.
func TestConceptBridge(t *testing.T) {
	tok := testTokenizer(t)
	texts := []struct{ text, fam string }{
		{"要坚持每周集中学习制度，做到学习有计划、有记录、有检查", "study"},
		{"要坚持每周集中学习制度，做到学习有计划、有记录、有检查", "study"},
		{"a weekly group study system should be kept, with a plan, a record and a check for every session", "study"},
		{"a weekly group study system should be kept, with a plan, a record and a check for every session", "study"},
		{"支部书记要切实扛起抓党建的直接责任，做到亲自部署、亲自过问、亲自推动", "secretary"},
		{"支部书记要切实扛起抓党建的直接责任，做到亲自部署、亲自过问、亲自推动", "secretary"},
		{"the direct responsibility of branch secretaries for party building must be tightened", "secretary"},
		{"the direct responsibility of branch secretaries for party building must be tightened", "secretary"},
		{"the alarm bell of safety needs to ring constantly, so that every precaution is taken", "safety"},
		{"the alarm bell of safety needs to ring constantly, so that every precaution is taken", "safety"},
		{"要进一步加强食堂管理，提高饭菜质量，改善就餐环境", "canteen"},
		{"要进一步加强食堂管理，提高饭菜质量，改善就餐环境", "canteen"},
	}
	for _, tc := range []struct {
		name   string
		opt    Options
		groups int
	}{
		{"bridged", Options{}, 4},
		{"no synonyms", Options{NoSynonyms: true}, 6},
		{"no cross-lingual", Options{NoCrossLingual: true}, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := New(tok, tc.opt)
			fam := map[string]string{}
			for i, x := range texts {
				g.Add(Record{ArticleID: fmt.Sprint("a", i), Year: 2019 + i%4, Text: x.text})
				fam[x.text] = x.fam
			}
			groups, err := g.Groups(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(groups) != tc.groups {
				t.Errorf("%d groups, want %d", len(groups), tc.groups)
			}
			for _, gr := range groups {
				for _, m := range gr.Members {
					if fam[m.Text] != fam[gr.Text] {
						t.Errorf("group %q holds %q", gr.Text, m.Text)
					}
				}
			}
		})
	}
}
