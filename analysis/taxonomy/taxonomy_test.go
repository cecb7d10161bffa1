package taxonomy

import (
	"strings"
	"testing"
)

// requiredThemes are the themes issue 3 asks for, each with a Chinese and
// an English term that must name it.
var requiredThemes = []struct{ id, zh, en string }{
	{"party_building_business_integration", "党建引领", "integration of party building and business"},
	{"high_quality_development", "高质量发展", "high-quality development"},
	{"standardization", "标准化规范化", "standardization and standardization"},
	{"fighting_fortress", "战斗堡垒", "fighting fortress"},
	{"one_post_two_responsibilities", "一岗双责", "one post, two responsibilities"},
	{"comprehensive_strict_governance", "全面从严治党", "comprehensive and strict party governance"},
	{"clean_governance", "党风廉政建设", "party conduct and clean government"},
	{"party_member_development", "发展党员", "development of party members"},
	{"xi_thought", "习近平新时代中国特色社会主义思想", "Xi Jinping Thought"},
	{"party_congress_spirit", "党的二十大精神", "spirit of the 20th Party Congress"},
	{"party_building_brand", "党建品牌", "party building brand"},
	{"primary_responsibility", "第一责任人", "first responsible person"},
	{"ideological_work", "意识形态", "ideological work"},
	{"theme_education", "不忘初心、牢记使命", "theme education"},
	{"corporate_culture", "企业文化", "corporate culture"},
	{"sci_tech_innovation", "成果转化", "scientific and technological innovation"},
	{"work_style", "形式主义", "formalism and bureaucracy"},
	{"problem_rectification", "问题整改", "problem rectification"},
	{"three_meetings_one_lesson", "三会一课", "three meetings and one lesson"},
	{"five_year_plan", "十四五", "14th Five-Year Plan"},
	{"state_asset_value", "国有资产保值增值", "state-owned assets"},
	{"serving_the_masses", "服务群众", "serving the masses"},
	{"political_construction", "两个维护", "two safeguards"},
	{"talent_teams", "梯队建设", "talent team"},
}

func TestDefaultTaxonomy(t *testing.T) {
	tax := embeddedTax(t)
	if n := tax.Len(); n < 40 {
		t.Errorf("embedded taxonomy has %d themes, want at least 40", n)
	}
	for _, r := range requiredThemes {
		th, ok := tax.Theme(r.id)
		if !ok {
			t.Errorf("required theme %s missing", r.id)
			continue
		}
		if th.LabelEN == "" || th.LabelZH == "" {
			t.Errorf("%s: labels %q / %q, want both", r.id, th.LabelEN, th.LabelZH)
		}
		for _, q := range []string{r.zh, r.en} {
			if got := ids(tax.ThemesInQuery(q)); !contains(got, r.id) {
				t.Errorf("ThemesInQuery(%q) = %v, want %s", q, got, r.id)
			}
		}
	}
	// A term may belong to several themes, but in the embedded file only
	// compounds that really name both do (巡视整改 is inspection and
	// rectification); any other repeat is a mistake.
	shared := map[string]bool{"巡视整改": true, "巡察整改": true, "述职述廉": true, "述责述廉": true}
	owner := map[string]string{}
	for _, th := range tax.Themes() {
		for _, term := range append(append([]string{}, th.TermsZH...), th.TermsEN...) {
			k := Normalize(term)
			if o, dup := owner[k]; dup && o != th.ID && !shared[term] {
				t.Errorf("term %q is in %s and %s", term, o, th.ID)
			}
			owner[k] = th.ID
		}
	}
	m := NewMatcher(tax, nil)
	if got := hitString(m.Match("巡视整改")); got != "problem_rectification:1[巡视整改] inspection_tours:1[巡视整改]" {
		t.Errorf("shared term hits = %s", got)
	}
}

func ids(ths []Theme) []string {
	var out []string
	for _, th := range ths {
		out = append(out, th.ID)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantErr string // substring; "" = success
		wantIDs []string
	}{
		{"ok", `
themes:
  - id: a_theme
    label_en: A theme
    label_zh: 主题甲
    terms_zh: [甲乙丙]
    terms_en: [alpha beta]
  - id: b
    terms_en: single term
`, "", []string{"a_theme", "b"}},
		{"empty themes", "themes:\n", "", nil},
		{"bom and crlf", "\ufeffthemes:\r\n  - id: a\r\n    terms_en: [x]\r\n", "", []string{"a"}},
		{"block lists and comments", "# mine\nthemes:\n  - id: a # note\n    terms_zh:\n      - 甲乙\n    terms_en:\n      - \"x, y\"\n", "", []string{"a"}},
		{"empty file", "", "empty file", nil},
		{"syntax", "themes:\n  - id: a\n    terms_en: [x\n", "line", nil},
		{"not a mapping", "- a\n- b\n", "line 1", nil},
		{"unknown top key", "themes: []\nthemez: 1\n", "line 2: unknown key \"themez\"", nil},
		{"themes not list", "themes: 3\n", "line 1: themes must be a list", nil},
		{"missing themes", "other: 1\n", "unknown key", nil},
		{"duplicate id", `
themes:
  - id: a
    terms_en: [x]
  - id: a
    terms_en: [y]
`, "line 5: duplicate theme id \"a\" (first at line 3)", nil},
		{"no terms", "themes:\n  - id: a\n    label_en: A\n", "line 2: theme \"a\" has no terms", nil},
		{"empty term", "themes:\n  - id: a\n    terms_en:\n      - x\n      - \"\"\n", "line 5: empty term", nil},
		{"null term", "themes:\n  - id: a\n    terms_en: [x, ~]\n", "line 3: empty term", nil},
		{"punctuation term", "themes:\n  - id: a\n    terms_en: [\"--\"]\n", "no letters", nil},
		{"zh term without han", "themes:\n  - id: a\n    terms_zh: [abc]\n", "no Chinese characters", nil},
		{"bad id", "themes:\n  - id: High Quality\n    terms_en: [x]\n", "line 2: theme id \"High Quality\": want snake_case", nil},
		{"no id", "themes:\n  - terms_en: [x]\n", "line 2: theme without id", nil},
		{"unknown theme key", "themes:\n  - id: a\n    term_en: [x]\n", "line 3: unknown key \"term_en\"", nil},
		{"theme not mapping", "themes:\n  - just a string\n", "line 2: a theme must be a mapping", nil},
		{"bad mode", "themes:\n  - id: a\n    terms_en: [x]\n    mode: merge\n", "line 4: unknown mode", nil},
		{"remove needs no terms", "themes:\n  - id: a\n    mode: remove\n", "", []string{"a"}},
		{"label list", "themes:\n  - id: a\n    label_en: [x]\n    terms_en: [x]\n", "line 3: want a single value", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tax, err := Load(strings.NewReader(tc.yaml))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Load error = %v, want containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := ids(tax.Themes()); strings.Join(got, ",") != strings.Join(tc.wantIDs, ",") {
				t.Errorf("ids = %v, want %v", got, tc.wantIDs)
			}
		})
	}
}

func TestLoadDefaults(t *testing.T) {
	tax, err := Load(strings.NewReader("themes:\n  - id: my_theme\n    terms_zh: [甲乙, 甲乙]\n"))
	if err != nil {
		t.Fatal(err)
	}
	th, _ := tax.Theme("my_theme")
	if th.LabelEN != "my theme" || len(th.TermsZH) != 1 {
		t.Errorf("theme = %+v, want derived label and duplicate term dropped", th)
	}
	if _, ok := tax.Theme("nope"); ok {
		t.Error("Theme(nope) found")
	}
	// Themes returns copies: changing them does not change the taxonomy.
	tax.Themes()[0].TermsZH[0] = "改"
	if th2, _ := tax.Theme("my_theme"); th2.TermsZH[0] != "甲乙" {
		t.Error("Themes() exposed internal slices")
	}
}

func mustLoad(t *testing.T, s string) *Taxonomy {
	t.Helper()
	tax, err := Load(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tax
}

func TestMerge(t *testing.T) {
	base := mustLoad(t, `
themes:
  - id: a
    label_en: Alpha
    label_zh: 甲
    terms_zh: [甲甲]
    terms_en: [alpha]
  - id: b
    label_en: Beta
    terms_en: [beta]
  - id: c
    terms_en: [gamma]
`)
	ext := mustLoad(t, `
themes:
  - id: a
    terms_en: [alpha two]
  - id: b
    mode: extend
    terms_zh: [乙乙]
  - id: c
    mode: remove
  - id: d
    label_en: Delta
    terms_en: [delta]
  - id: e
    mode: remove
`)
	m := base.Merge(ext)
	if got := strings.Join(ids(m.Themes()), ","); got != "a,b,d" {
		t.Fatalf("merged ids = %s, want a,b,d", got)
	}
	a, _ := m.Theme("a")
	if a.LabelEN != "Alpha" || a.LabelZH != "甲" || len(a.TermsZH) != 0 || strings.Join(a.TermsEN, ",") != "alpha two" {
		t.Errorf("replaced a = %+v, want labels kept and terms replaced", a)
	}
	b, _ := m.Theme("b")
	if strings.Join(b.TermsEN, ",") != "beta" || strings.Join(b.TermsZH, ",") != "乙乙" || b.LabelEN != "Beta" {
		t.Errorf("extended b = %+v", b)
	}
	if _, ok := m.Theme("c"); ok {
		t.Error("removed theme c still there")
	}
	if m.Version() == base.Version() {
		t.Error("version unchanged by merge")
	}
	if base.Merge(nil) != base {
		t.Error("Merge(nil) should return the receiver")
	}
	// The base is not modified.
	if got := strings.Join(ids(base.Themes()), ","); got != "a,b,c" {
		t.Errorf("base changed: %s", got)
	}
	if bb, _ := base.Theme("b"); len(bb.TermsZH) != 0 {
		t.Error("extend modified the base theme")
	}
	// Merged themes are matched.
	mm := NewMatcher(m, nil)
	if hits := mm.Match("Alpha two and delta, 乙乙."); len(hits) != 3 {
		t.Errorf("Match on merged taxonomy = %+v, want a, d and b", hits)
	}
}

func TestNilTaxonomy(t *testing.T) {
	var nilTax *Taxonomy
	if nilTax.Len() != 0 || nilTax.Themes() != nil || nilTax.Version() != "" || nilTax.ThemesInQuery("高质量发展") != nil {
		t.Error("nil taxonomy is not empty")
	}
	if _, ok := nilTax.Theme("x"); ok {
		t.Error("nil taxonomy has a theme")
	}
	m := nilTax.Merge(mustLoad(t, "themes:\n  - id: a\n    terms_en: [x]\n  - id: b\n    mode: remove\n"))
	if got := strings.Join(ids(m.Themes()), ","); got != "a" {
		t.Errorf("nil.Merge = %s, want a", got)
	}
	if NewMatcher(nil, nil).Match("x 高质量发展") != nil {
		t.Error("matcher of nil taxonomy matched")
	}
}

func TestVersion(t *testing.T) {
	a := mustLoad(t, "themes:\n  - id: a\n    terms_en: [x]\n")
	b := mustLoad(t, "themes:\n  - id: a\n    terms_en: [x]\n")
	c := mustLoad(t, "themes:\n  - id: a\n    terms_en: [y]\n")
	if a.Version() != b.Version() || a.Version() == c.Version() || len(a.Version()) != 16 {
		t.Errorf("versions %s %s %s", a.Version(), b.Version(), c.Version())
	}
	if embeddedTax(t).Version() == "" {
		t.Error("empty version")
	}
}

func TestThemesInQuery(t *testing.T) {
	tax := embeddedTax(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"高质量发展", []string{"high_quality_development"}},
		{"高質量發展", []string{"high_quality_development"}},
		{"high-quality development", []string{"high_quality_development"}},
		{"High Quality Development", []string{"high_quality_development"}},
		{`"high quality development" 2023`, []string{"high_quality_development"}},
		{"body:高质量发展", []string{"high_quality_development"}},
		{"theme:high_quality_development", []string{"high_quality_development"}},
		{"+一岗双责 +战斗堡垒", []string{"one_post_two_responsibilities", "fighting_fortress"}},
		{"one post and two responsibilities", []string{"one_post_two_responsibilities"}},
		{"推动高质量发展 全面从严治党", []string{"high_quality_development", "comprehensive_strict_governance"}},
		{"黨風廉政建設", []string{"clean_governance"}},
		{"Party Members development", []string{"party_member_development"}},
		{"party members", nil},
		{"development of party members", []string{"party_member_development"}},
		{"党建 -高质量发展", nil},
		{"述职", []string{"performance_review"}},
		{"吴秋珏", nil},
		{"development", nil},
		{"发展", nil},
		{"", nil},
		{"standardisation and standardisation", []string{"standardization"}},
	}
	for _, tc := range tests {
		got := ids(tax.ThemesInQuery(tc.q))
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("ThemesInQuery(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"High-Quality Developments", "high quality development"},
		{"黨風廉政建設", "党风廉政建设"},
		{"One post, two responsibilities.", "one post two responsibility"},
		{"party members' policies", "party member policy"},
		{"the masses", "the mass"},
		{"Xi Jinping's thought", "xi jinping thought"},
		{"consciousnesses", "consciousness"},
		{"standardisation", "standardization"},
		{"14th Five-Year", "14th five year"},
		{"“三会一课”制度", "三会一课 制度"},
		{"Café ÉLAN", "café élan"},
		{"  ", ""},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if NormalizeWord("Members") != "member" {
		t.Error("NormalizeWord(Members)")
	}
}

func TestFoldTraditional(t *testing.T) {
	tests := []struct{ in, want string }{
		{"黨支部書記述職評議會議", "党支部书记述职评议会议"},
		{"全面從嚴治黨，一崗雙責", "全面从严治党，一岗双责"},
		{"简体不变 plain", "简体不变 plain"},
		{"著名", "著名"}, // 著 is left alone on purpose
	}
	for _, tc := range tests {
		if got := FoldTraditional(tc.in); got != tc.want {
			t.Errorf("FoldTraditional(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Folding keeps byte offsets: every pair has the same UTF-8 length,
	// and no simplified target is itself folded again.
	for tr, s := range tradToSimp {
		if len(string(tr)) != len(string(s)) {
			t.Errorf("%c -> %c changes length", tr, s)
		}
		if _, again := tradToSimp[s]; again {
			t.Errorf("%c -> %c is folded again", tr, s)
		}
	}
	s := "no traditional here 党建"
	if got := FoldTraditional(s); got != s {
		t.Error("changed simplified text")
	}
	if n := testing.AllocsPerRun(10, func() { FoldTraditional(s) }); n != 0 {
		t.Errorf("FoldTraditional allocates %v times on simplified text", n)
	}
}
