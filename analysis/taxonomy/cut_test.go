package taxonomy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gseEnds cuts text with the shared segmenter the way the analyzer does
// (one Segment call over the whole paragraph) and returns the token ends.
func gseEnds(t *testing.T, text string) []int {
	t.Helper()
	var ends []int
	for _, sg := range testSeg(t).Segment([]byte(text)) {
		ends = append(ends, sg.End())
	}
	return ends
}

// MatchCut over the analyzer's single segmentation of a paragraph must
// find what Match finds cutting each Chinese run itself.
func TestMatchCutEqualsMatch(t *testing.T) {
	m := testMatcher(t)
	texts := []string{
		"要坚持全面从严治党，落实一岗双责，推动公司高质量发展。",
		"堅持全面從嚴治黨，加強黨風廉政建設，發揮戰鬥堡壘作用",
		"会议强调高质量发展 (high-quality development) and the 14th Five-Year Plan 十四五规划",
		"Strengthen the standardization and standardization of party branches; one post, two responsibilities.",
		"提高“三会一课”质量，开展主题党日活动",
	}
	var files []string
	if dir, ok := locateCorpus(); ok {
		files, _ = filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, p := range texts {
		// The analyzer cuts text with traditional characters folded.
		if got, want := hitString(m.MatchCut(p, gseEnds(t, FoldTraditional(p)))), hitString(m.Match(p)); got != want {
			t.Errorf("%q\n MatchCut %s\n    Match %s", p, got, want)
		}
	}
}

// A span of a segmented paragraph (a requirement) is matched with the
// paragraph's ends shifted; ends outside the span are ignored and a token
// cut by the span's edge is clipped.
func TestMatchCutSpan(t *testing.T) {
	m := testMatcher(t)
	p := "会议指出，要落实一岗双责，推动高质量发展。"
	ends := gseEnds(t, p)
	for _, tc := range []struct{ span, want string }{
		{"要落实一岗双责，", "one_post_two_responsibilities:1[一岗双责]"},
		{"推动高质量发展。", "high_quality_development:1[高质量发展]"},
		{"会议指出，", ""},
		{"质量发展。", ""}, // clipped token: not the term
	} {
		start := strings.Index(p, tc.span)
		var sh []int
		for _, e := range ends {
			sh = append(sh, e-start)
		}
		if got := hitString(m.MatchCut(tc.span, sh)); got != tc.want {
			t.Errorf("span %q: got %s want %s", tc.span, got, tc.want)
		}
	}
}

// gse keeps long dictionary words whole (全面从严治党主体责任 is one token
// in some dictionaries): a token made entirely of term tokens still
// yields its terms, while a term inside a word that is not such a
// compound (组织 in 组织部, 党建 in 机关党建) does not match.
func TestMatchCompoundToken(t *testing.T) {
	tax := mustLoad(t, `themes:
  - id: strict
    terms_zh: [全面从严治党]
  - id: primary
    terms_zh: [主体责任]
  - id: org
    terms_zh: [组织, 党建]
`)
	m := NewMatcher(tax, testSeg(t))
	for _, tc := range []struct {
		text string
		toks []string // the caller's cut
		want string
	}{
		{"落实全面从严治党主体责任", []string{"落实", "全面从严治党主体责任"}, "strict:1[全面从严治党] primary:1[主体责任]"},
		{"落实主体责任", []string{"落实", "主体责任"}, "primary:1[主体责任]"},
		{"组织部召开", []string{"组织部", "召开"}, ""},
		{"机关党建工作", []string{"机关党建", "工作"}, ""},
		{"党建组织", []string{"党建组织"}, "org:2[党建|组织]"},
	} {
		var ends []int
		n := 0
		for _, tok := range tc.toks {
			n += len(tok)
			ends = append(ends, n)
		}
		if got := hitString(m.MatchCut(tc.text, ends)); got != tc.want {
			t.Errorf("MatchCut(%q, %q) = %s, want %s", tc.text, tc.toks, got, tc.want)
		}
	}
}
