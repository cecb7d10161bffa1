package taxonomy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"meetscan/data"
)

// hitString renders hits compactly: "id:count[term|term]".
func hitString(hits []data.ThemeHit) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s:%d[%s]", h.ID, h.Count, strings.Join(h.Terms, "|")))
	}
	return strings.Join(parts, " ")
}

func TestMatch(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name, text, want string
	}{
		{"zh", "要坚持全面从严治党，落实一岗双责，推动公司高质量发展。",
			"comprehensive_strict_governance:1[全面从严治党] one_post_two_responsibilities:1[一岗双责] high_quality_development:1[高质量发展]"},
		{"zh count", "以党建引领高质量发展，为高质量发展提供保障",
			"high_quality_development:2[高质量发展] party_building_business_integration:1[党建引领]"},
		{"zh longest wins", "深入学习贯彻党的二十大精神",
			"party_congress_spirit:1[党的二十大精神]"},
		{"zh separators in term", "不忘初心、牢记使命主题教育",
			"theme_education:2[不忘初心、牢记使命|主题教育]"},
		{"zh quotes", "提高“三会一课”质量，开展主题党日活动",
			"three_meetings_one_lesson:2[三会一课|主题党日活动]"},
		{"traditional", "堅持全面從嚴治黨，加強黨風廉政建設，發揮戰鬥堡壘作用",
			"comprehensive_strict_governance:1[全面从严治党] clean_governance:1[党风廉政建设] fighting_fortress:1[战斗堡垒作用]"},
		{"en", "It is necessary to implement comprehensive and strict party governance and promote High-Quality Development.",
			"comprehensive_strict_governance:1[comprehensive and strict party governance] high_quality_development:1[high-quality development]"},
		{"en mt variants", "Strengthen the standardization and standardization of party branches; one post, two responsibilities; dual responsibilities of one post.",
			"one_post_two_responsibilities:2[one post two responsibilities|dual responsibilities of one post] standardization:1[standardization and standardization]"},
		{"en plural", "further strengthen the training and development of party members and the party building brands",
			"party_member_development:1[development of party member] party_building_brand:1[party building brand]"},
		{"en no span over sentence", "He spoke of high quality. Development followed.", ""},
		{"mixed", "会议强调高质量发展 (high-quality development) and the 14th Five-Year Plan 十四五规划",
			"high_quality_development:2[高质量发展|high-quality development] five_year_plan:2[14th five-year plan|十四五规划]"},
		{"negative boilerplate zh", "要进一步加强学习，积极认真开展各项工作，切实提高工作水平，不断推进发展。", ""},
		{"negative boilerplate en", "We must further strengthen work, actively and conscientiously carry out all tasks, and promote development.", ""},
		{"negative inside word", "组织力量开展调研", ""},
		{"negative name", "吴秋珏主持会议", ""},
		{"empty", "", ""},
		{"punctuation only", "，。、“”", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hitString(m.Match(tc.text)); got != tc.want {
				t.Errorf("Match(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
		})
	}
}

// The run filter (cut only Chinese runs that can hold a term) must not
// change any result: compare with a matcher that cuts every run, on the
// whole corpus.
func TestMatchRunFilter(t *testing.T) {
	m := testMatcher(t)
	full := NewMatcher(embeddedTax(t), testSeg(t))
	full.noSkip = true
	dir := corpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if got, want := hitString(m.Match(p)), hitString(full.Match(p)); got != want {
				t.Errorf("%s: %q\nfiltered %s\n    full %s", filepath.Base(f), p, got, want)
			}
		}
	}
}

func TestMatchHitLabels(t *testing.T) {
	m := testMatcher(t)
	hits := m.Match("高质量发展")
	if len(hits) != 1 || hits[0].LabelEN != "High-quality development" || hits[0].LabelZH != "高质量发展" {
		t.Errorf("hits = %+v", hits)
	}
}

// A term must align with gse word boundaries: with a segmenter, a term that
// is only part of a longer word does not match; without one (nil seg),
// Chinese terms are substrings.
func TestMatchWordBoundaries(t *testing.T) {
	tax := mustLoad(t, "themes:\n  - id: x\n    terms_zh: [组织]\n")
	withSeg := NewMatcher(tax, testSeg(t))
	if hits := withSeg.Match("组织部召开会议"); hits != nil {
		// 组织部 is one word (user dictionary)
		t.Errorf("组织 matched inside 组织部: %s", hitString(hits))
	}
	if hits := withSeg.Match("组织开展学习"); len(hits) != 1 {
		t.Errorf("组织 not matched: %s", hitString(hits))
	}
	noSeg := NewMatcher(tax, nil)
	if hits := noSeg.Match("组织部"); len(hits) != 1 {
		t.Errorf("nil seg: substring not matched: %s", hitString(hits))
	}
}

func TestMergeHits(t *testing.T) {
	a := []data.ThemeHit{{ID: "x", Count: 1, Terms: []string{"p"}}, {ID: "y", Count: 1, Terms: []string{"q"}}}
	b := []data.ThemeHit{{ID: "y", Count: 2, Terms: []string{"r", "q"}}}
	got := hitString(MergeHits(a, b))
	if got != "y:3[q|r] x:1[p]" {
		t.Errorf("MergeHits = %s", got)
	}
	if a[1].Count != 1 || len(a[1].Terms) != 1 {
		t.Error("MergeHits modified its input")
	}
}

func TestMatchConcurrent(t *testing.T) {
	m := testMatcher(t)
	tax := embeddedTax(t)
	texts := []string{"全面从严治党和高质量发展", "one post, two responsibilities", "黨風廉政建設"}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = hitString(m.Match(s))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := i % len(texts)
				if got := hitString(m.Match(texts[k])); got != want[k] {
					t.Errorf("concurrent Match(%q) = %s, want %s", texts[k], got, want[k])
					return
				}
				if len(tax.ThemesInQuery(texts[k])) == 0 {
					t.Errorf("concurrent ThemesInQuery(%q) found nothing", texts[k])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// The gold key phrases of the dev corpus name the themes the meetings
// stressed: most of them must match a theme.
func TestMatchGoldKeyPhrases(t *testing.T) {
	dir := corpusDir(t)
	m := testMatcher(t)
	b, err := os.ReadFile(filepath.Join(dir, "dev", "gold.jsonl"))
	if err != nil {
		t.Skip(err)
	}
	var total, matched int
	var missed []string
	for _, line := range strings.Split(string(b), "\n") {
		for _, p := range keyPhrases(line) {
			total++
			if len(m.Match(p)) > 0 {
				matched++
			} else {
				missed = append(missed, p)
			}
		}
	}
	if total == 0 {
		t.Skip("no key phrases")
	}
	rate := float64(matched) / float64(total)
	t.Logf("key phrases matching a theme: %d/%d (%.0f%%); missed: %q", matched, total, 100*rate, missed)
	if rate < 0.8 {
		t.Errorf("only %.0f%% of gold key phrases match a theme, want >= 80%%", 100*rate)
	}
}

// A Chinese term that is not one gse word (a data-dir term whose
// dictionary entry is missing) still matches as the token sequence gse
// cuts it into.
func TestMatchMultiTokenTerm(t *testing.T) {
	seg := testSeg(t)
	const term = "数字化转型升级"
	if got := seg.Cut(term); len(got) < 2 {
		t.Skipf("%s is one gse word here", term)
	}
	m := NewMatcher(mustLoad(t, "themes:\n  - id: digital\n    terms_zh: ["+term+"]\n"), seg)
	if got := hitString(m.Match("全力推进企业数字化转型升级工作。")); got != "digital:1["+term+"]" {
		t.Errorf("Match = %q", got)
	}
	if got := hitString(m.Match("数字化。转型升级")); got != "" {
		t.Errorf("matched across a sentence break: %q", got)
	}
}
