package taxonomy

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
	"meetscan/data"
)

// refCutTokens is the tokenizer MatchCut used before Cut: kept as the
// reference the faster scan must agree with.
func (m *Matcher) refCutTokens(s string, ends []int, emit func(tok []byte)) {
	k := 0 // first end not yet passed
	m.scanTokens(s, emit, func(run []byte, i, j int) {
		for k < len(ends) && ends[k] <= i {
			k++
		}
		start := i
		for start < j {
			end := j
			if k < len(ends) && ends[k] < j {
				end = ends[k]
				k++
			}
			m.emitHan(run[start-i:end-i], emit)
			start = end
		}
	})
}

// refMatchCut is MatchCut as it was before Cut.
func (m *Matcher) refMatchCut(text string, ends []int) []data.ThemeHit {
	if text == "" || len(m.terms) == 0 {
		return nil
	}
	var ids []int32
	m.refCutTokens(FoldTraditional(text), ends, func(tok []byte) {
		id := int32(-1)
		if tok != nil {
			if x, ok := m.vocab[string(tok)]; ok {
				id = x
			}
		}
		if id < 0 && len(ids) > 0 && ids[len(ids)-1] < 0 {
			return
		}
		ids = append(ids, id)
	})
	return m.hits(ids)
}

// refShift is the analyzer's shift of a paragraph's ends to a span.
func refShift(ends []int, start int) []int {
	k := sort.SearchInts(ends, start+1)
	out := make([]int, len(ends)-k)
	for i, e := range ends[k:] {
		out[i] = e - start
	}
	return out
}

func checkCutLikeRef(t *testing.T, m *Matcher, p string, ends []int, rng *rand.Rand) {
	t.Helper()
	want := m.refMatchCut(p, ends)
	if got := m.MatchCut(p, ends); !reflect.DeepEqual(got, want) {
		t.Fatalf("MatchCut(%q) = %v, want %v", p, got, want)
	}
	spans := [][2]int{{0, len(p)}}
	for n := 0; n < 20 && len(p) > 1; n++ {
		s := rng.IntN(len(p))
		e := s + 1 + rng.IntN(len(p)-s)
		spans = append(spans, [2]int{s, e})
	}
	// Spans at token ends, as requirements are.
	for n := 0; n < 10 && len(ends) > 1; n++ {
		s := ends[rng.IntN(len(ends))]
		e := ends[rng.IntN(len(ends))]
		if s > e {
			s, e = e, s
		}
		if e > len(p) {
			e = len(p)
		}
		spans = append(spans, [2]int{s, e})
	}
	for _, sp := range spans {
		s, e := sp[0], sp[1]
		if s >= e {
			continue
		}
		want := m.refMatchCut(p[s:e], refShift(ends, s))
		if got := m.MatchCutSpan(p, ends, s, e); !reflect.DeepEqual(got, want) {
			t.Fatalf("MatchCutSpan(%q, %d, %d) = %v, want %v", p, s, e, got, want)
		}
		if got := m.MatchCut(p[s:e], refShift(ends, s)); !reflect.DeepEqual(got, want) {
			t.Fatalf("MatchCut(%q[%d:%d]) = %v, want %v", p, s, e, got, want)
		}
	}
}

func TestCutLikeReference(t *testing.T) {
	m := testMatcher(t)
	seg := testSeg(t)
	paras := []string{
		"要坚持全面从严治党，落实一岗双责，推动公司高质量发展。",
		"堅持全面從嚴治黨，加強黨風廉政建設，發揮戰鬥堡壘作用",
		"会议强调高质量发展 (high-quality development) and the 14th Five-Year Plan 十四五规划",
		"Strengthen the standardization of party branches; one post, two responsibilities.",
		"全面从严治党主体责任，café Ünïcode 𠀀𠀁党建 \xff\xfe 党。建",
	}
	paras = append(paras, corpustest.Paragraphs(t, "..")...)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, p := range paras {
		var ends []int
		for _, sg := range seg.Segment([]byte(FoldTraditional(p))) {
			ends = append(ends, sg.End())
		}
		checkCutLikeRef(t, m, p, ends, rng)
		// Ends that are not gse's: repeated, off character boundaries,
		// past the text (MatchCut never took descending ones).
		odd := []int{3, 5, 5, 9, 10, 11, len(p) + 4}
		checkCutLikeRef(t, m, p, odd, rng)
	}
}

func FuzzCutLikeReference(f *testing.F) {
	f.Add("要坚持全面从严治党，落实一岗双责", 7, 20, uint64(1))
	f.Add("high-quality development; 党建 one post, two responsibilities", 3, 40, uint64(2))
	m := testMatcher(f)
	seg := testSeg(f)
	f.Fuzz(func(t *testing.T, p string, s, e int, seed uint64) {
		var ends []int
		for _, sg := range seg.Segment([]byte(FoldTraditional(p))) {
			ends = append(ends, sg.End())
		}
		checkCutLikeRef(t, m, p, ends, rand.New(rand.NewPCG(seed, 3)))
		if s >= 0 && e <= len(p) && s < e {
			want := m.refMatchCut(p[s:e], refShift(ends, s))
			if got := m.MatchCutSpan(p, ends, s, e); !reflect.DeepEqual(got, want) {
				t.Fatalf("MatchSpan(%q, %d, %d) = %v, want %v", p, s, e, got, want)
			}
		}
	})
}

// refFold is FoldTraditional as it was: a map lookup per character.
func refFold(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if sr, ok := tradToSimp[r]; ok && r >= 0x3400 {
			b = utf8.AppendRune(b, sr)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

func TestFoldLikeMap(t *testing.T) {
	var sb strings.Builder
	for r := rune(0); r < 0x30000; r++ {
		if utf8.ValidRune(r) {
			sb.WriteRune(r)
		}
	}
	all := sb.String()
	if FoldTraditional(all) != refFold(all) {
		t.Fatal("FoldTraditional differs from the map")
	}
	for _, s := range []string{"黨\xff會", "\xe9\xbb", "plain"} {
		if got := FoldTraditional(s); got != refFold(s) {
			t.Errorf("FoldTraditional(%q) = %q", s, got)
		}
	}
}

func FuzzPlainWord(f *testing.F) {
	for _, w := range []string{"s", "party", "Party", "organisation", "parties", "a1s", "café", "isation"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w != "" && plainWord(w) && NormalizeWord(w) != w {
			t.Fatalf("plainWord(%q) but NormalizeWord = %q", w, NormalizeWord(w))
		}
	})
}
