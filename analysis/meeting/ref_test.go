package meeting

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/internal/wordscan"
	"meetscan/analysis/text"
	"meetscan/data"
)

// The functions below are the package's entry points as they were before
// their hand-written scanners: the tests check the scanners against them.

func refType(title string, paras []string) string {
	score := map[string]int{}
	add := func(s string, w int) {
		if s == "" {
			return
		}
		han, latin := text.Counts(s)
		lower := ""
		if latin > 0 {
			lower = strings.ToLower(s)
		}
		counts := make([]int, len(cues))
		for ci, c := range cues {
			if han > 0 {
				for _, w := range c.zh {
					counts[ci] += strings.Count(s, w)
				}
			}
			if latin > 0 {
				for _, w := range c.en {
					counts[ci] += strings.Count(lower, w)
				}
			}
		}
		for ci, c := range cues {
			n := min(counts[ci], 8)
			if w > 1 && n > 1 {
				n = 1
			}
			score[c.typ] += n * w
		}
	}
	add(title, 6)
	var held []string
	var rest strings.Builder
	for i, p := range paras {
		if p == title || i >= 12 {
			continue
		}
		for _, s := range sentences(p) {
			if len(held) < 2 && holdVerb.MatchString(s) {
				held = append(held, s)
				continue
			}
			rest.WriteString(s)
			rest.WriteString("。")
		}
	}
	for _, s := range held {
		add(s, 4)
	}
	add(rest.String(), 1)
	best, bestScore := data.MeetingOther, 0
	for _, c := range cues {
		if score[c.typ] > bestScore {
			best, bestScore = c.typ, score[c.typ]
		}
	}
	return best
}

// refDocs returns the corpus as documents (first line the title) and as
// one-line documents.
func refDocs(t testing.TB) (titles []string, bodies [][]string) {
	var doc []string
	flush := func() {
		if len(doc) > 0 {
			titles = append(titles, doc[0], "")
			bodies = append(bodies, doc[1:], doc)
		}
		doc = nil
	}
	for _, l := range corpustest.Lines(t, "..") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		l = text.Simplify(l)
		doc = append(doc, l)
		titles = append(titles, l)
		bodies = append(bodies, []string{l})
		if len(doc) >= 30 {
			flush()
		}
	}
	flush()
	return titles, bodies
}

func TestTypeLikeRef(t *testing.T) {
	titles, bodies := refDocs(t)
	for i := range titles {
		if got, want := Type(titles[i], bodies[i]), refType(titles[i], bodies[i]); got != want {
			t.Errorf("Type(%q, %q) = %q, reference %q", titles[i], bodies[i], got, want)
		}
	}
}

func FuzzTypeLikeRef(f *testing.F) {
	f.Add("机关党委召开民主生活会", "The branch held a Joint Meeting. 组织生活会！述职")
	f.Add("Wor\u212a Meeting", "Pa\u0130ring held。")
	f.Fuzz(func(t *testing.T, a, b string) {
		paras := strings.Split(b, "\n")
		if got, want := Type(a, paras), refType(a, paras); got != want {
			t.Errorf("Type(%q, %q) = %q, reference %q", a, paras, got, want)
		}
	})
}

// The word tables must find where the patterns they replace match.
func checkTables(t *testing.T, s string) {
	t.Helper()
	got, _ := enVerbIndex(s)
	want := -1
	if v := enVerb.FindStringIndex(s); v != nil {
		want = v[0]
	}
	if got != want {
		t.Errorf("enVerbIndex(%q) = %d, enVerb %d", s, got, want)
	}
	want = -1
	if v := enHold.FindStringIndex(s); v != nil {
		want = v[0]
	}
	if got := enHoldAt(s); got != want {
		t.Errorf("enHoldAt(%q) = %d, enHold %d", s, got, want)
	}
	got4 := findEnAttend(s)
	var want4 [][]int
	for _, m := range enAttend.FindAllStringSubmatchIndex(s, -1) {
		want4 = append(want4, m[:4])
	}
	if !slices.EqualFunc(got4, want4, slices.Equal) {
		t.Errorf("findEnAttend(%q) = %v, enAttend %v", s, got4, want4)
	}
	checkFirst(t, "zhHold", regexp.MustCompile(`召开|举行|举办|开展|开幕`), zhHoldTable, s)
	if got, want := cutLoc(s), zhLoc.ReplaceAllString(s, ""); got != want {
		t.Errorf("cutLoc(%q) = %q, zhLoc %q", s, got, want)
	}
	for k := max(0, len(s)-60); k < len(s); k++ {
		if got, want := cutBody(s[k:]), zhBody.ReplaceAllString(s[k:], ""); got != want {
			t.Errorf("cutBody(%q) = %q, zhBody %q", s[k:], got, want)
		}
	}
	for k, re := range []*regexp.Regexp{zhAttend, zhAttend2} {
		off := countStart(s)
		if k == 1 {
			off = attend2Start(s)
		}
		want := re.FindAllStringSubmatchIndex(s, -1)
		var got [][]int
		if off >= 0 {
			for _, m := range re.FindAllStringSubmatchIndex(s[off:], -1) {
				for j := range m {
					if m[j] >= 0 {
						m[j] += off
					}
				}
				got = append(got, m)
			}
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("pattern %d from %d on %q: %v, from 0 %v", k, off, s, got, want)
		}
	}
	if got, want := holds(s), holdVerb.MatchString(s); got != want {
		t.Errorf("holds(%q) = %v, holdVerb %v", s, got, want)
	}
}

func checkFirst(t *testing.T, name string, re *regexp.Regexp, tab *wordscan.Table, s string) {
	t.Helper()
	got, _, _ := tab.First(s)
	want := -1
	if v := re.FindStringIndex(s); v != nil {
		want = v[0]
	}
	if got != want {
		t.Errorf("%s table on %q: %d, pattern %d", name, s, got, want)
	}
}

func TestTablesLikePatterns(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "ATTENDED", "A total of 21 people", "over21 people", "of 21 people", "21  Party Members", "123456 people",
		"some 5 staffs", "5 staff_", " 5 staff", "about 5 about 6 people", "5 people 6 people", "x5 people", "Approximately\t12\nComrades", "pe\u017fons 5 persons",
		"在于", "学院于会议室", "共21人参加会议", "一名 党员和 三 余 人参加会议", "二十多名代表出席会议", "参会人员100余人", "与会 人员 5 人", "在\n于x", "于\n", "党建工作领导小组会议", "党的建设领导小组", "工作领导小组", "中心组会议", "理论学习中心组", "x大会", "preſent at", "too\u212a part", "present_", "xattend", "Present", "presented",
		"Joined", "PARTICIPATED", "held", "holds.", "hold_", "organised", "reorganized", "召开举行", "Took Part",
		"Held on May 5", "Branch Holds Meeting", "CONVENED", "organiſed by", "隆重开幕")
	for _, s := range cases {
		checkTables(t, s)
	}
}

func FuzzTablesLikePatterns(f *testing.F) {
	f.Add("32 members were present at the meeting held by")
	f.Add("too\u212a part preſent")
	f.Fuzz(func(t *testing.T, s string) { checkTables(t, s) })
}

// sentences splits p into rough sentences (Type's sentences before
// sentenceAround).
func sentences(p string) []string {
	f := func(r rune) bool { return r == '。' || r == '！' || r == '？' }
	var out []string
	for _, s := range strings.FieldsFunc(p, f) {
		// English: split on ". " without a full sentence splitter; the
		// scores only need rough sentences.
		out = append(out, strings.Split(s, ". ")...)
	}
	return out
}

// hasWord reports whether w occurs in s with no ASCII word byte just
// before or after it, as `\bw\b` would.
func hasWord(s, w string) bool {
	for off := 0; ; {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return false
		}
		i := off + k
		e := i + len(w)
		if (i == 0 || !wordscan.IsWordByte(s[i-1])) && (e == len(s) || !wordscan.IsWordByte(s[e])) {
			return true
		}
		off = i + 1
	}
}
