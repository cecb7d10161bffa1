package keywords

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"meetscan/data"
)

func TestIDFMedian(t *testing.T) {
	idf := ParseIDF("党建 5.0\n会议 2.0\n品牌 9.0\nbad line\n")
	if idf.Median() != 5.0 {
		t.Fatalf("median = %v, want 5", idf.Median())
	}
	if idf.Weight("一岗双责") != 5.0 {
		t.Errorf("unknown word weight = %v, want the median", idf.Weight("一岗双责"))
	}
	if Default().Median() <= 0 {
		t.Errorf("gse IDF median = %v, want > 0 (unknown words must rank)", Default().Median())
	}
}

func TestCounterTop(t *testing.T) {
	idf := ParseIDF("党建 5.0\n品牌 9.0\n工作 1.0\n")
	c := NewCounter(NewStops(nil), map[string]bool{"品牌": true})
	for _, tok := range []string{"党建", "党建", "一岗双责", "工作", "品牌", "的", "2023", "the", "Brand", "brand", "party", " ", "，"} {
		c.Add(tok)
	}
	var got []string
	for _, k := range c.Top(idf, 3) {
		got = append(got, k.Term)
	}
	// 党建 2×5, brand 2×median(5), 一岗双责 1×median; 工作, 品牌, the and
	// party are stop words.
	want := []string{"brand", "党建", "一岗双责"}
	if !slices.Equal(got, want) {
		t.Errorf("Top = %q, want %q", got, want)
	}
	if kws := NewCounter(NewStops(nil), nil).Top(idf, 3); kws != nil {
		t.Errorf("empty counter Top = %v", kws)
	}
}

func TestSlogans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"认真落实“一岗双责”，提高“三会一课”质量。", []string{"一岗双责", "三会一课"}},
		{`closely focused on the "three foundations construction", fulfilling the "one post and two responsibilities".`, []string{"three foundations construction", "one post and two responsibilities"}},
		{"他说：“我们要加强学习，不断提高能力。”", nil},
		{"学习《中国共产党章程》", nil},
	}
	for _, tc := range tests {
		if got := Slogans(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Slogans(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// zhQuotes must find exactly what the pattern it replaces finds.
func TestZhQuotesLikeRegexp(t *testing.T) {
	re := regexp.MustCompile(`[“「『]([^“”「」『』。！？\n]{2,24})[”」』]`)
	for _, p := range []string{
		"落实“一岗双责”，推进“三会一课”。", "“一”“两个维护”", "「党建品牌」和『战斗堡垒』", "“太长太长太长太长太长太长太长太长太长太长太长太长太长”",
		"“未闭合", "“句子。”", "““嵌套”", "”反“向", "“ab”", "“一岗双责」", "", "“\n”", "\xff“党建\xfe”",
	} {
		var want []string
		for _, m := range re.FindAllStringSubmatch(p, -1) {
			want = append(want, m[1])
		}
		if got := zhQuotes(p); !slices.Equal(got, want) {
			t.Errorf("zhQuotes(%q) = %q, want %q", p, got, want)
		}
	}
}

func FuzzZhQuotes(f *testing.F) {
	re := regexp.MustCompile(`[“「『]([^“”「」『』。！？\n]{2,24})[”」』]`)
	for _, s := range []string{"落实“一岗双责”", "「党建品牌」", "““嵌套”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		var want []string
		for _, m := range re.FindAllStringSubmatch(p, -1) {
			want = append(want, m[1])
		}
		if got := zhQuotes(p); !slices.Equal(got, want) {
			t.Errorf("zhQuotes(%q) = %q, want %q", p, got, want)
		}
	})
}

// Top skips words that cannot reach the top n; it must return what
// weighing every word returns.
func TestTopSkipsExactly(t *testing.T) {
	idf := ParseIDF("党建 9.0\n会议 2.0\n品牌 9.0\n发展 3.0\n质量 4.0\n责任 5.0\n基层 6.0\n组织 1.0\n支部 7.0\n")
	words := strings.Fields("党建 会议 品牌 发展 质量 责任 基层 组织 支部 一岗双责 战斗堡垒 联学联建 初心 使命 整改")
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		c := NewCounter(NewStops(nil), nil)
		for _, w := range words {
			for k := rng.IntN(6); k > 0; k-- {
				c.Add(w)
			}
		}
		for _, n := range []int{1, 3, 10} {
			got := c.Top(idf, n)
			want := bruteTop(c, idf, n)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d n=%d:\n got %v\nwant %v", round, n, got, want)
			}
		}
	}
}

func bruteTop(c *Counter, idf *IDF, n int) []data.Keyword {
	if c.total == 0 {
		return nil
	}
	var kws []data.Keyword
	for w, f := range c.tf {
		kws = append(kws, data.Keyword{Term: w, Weight: float64(f) / float64(c.total) * idf.Weight(w)})
	}
	sort.Slice(kws, func(i, j int) bool {
		if kws[i].Weight != kws[j].Weight {
			return kws[i].Weight > kws[j].Weight
		}
		return kws[i].Term < kws[j].Term
	})
	if len(kws) > n {
		kws = kws[:n]
	}
	if max := kws[0].Weight; max > 0 {
		for i := range kws {
			kws[i].Weight = float64(int(kws[i].Weight/max*1000+0.5)) / 1000
		}
	}
	return kws
}

var enQuoteRe = regexp.MustCompile(`"([^"\n]{3,80})"|“([^“”\n]{3,80})”`)

func enQuotesRe(p string) []string {
	var want []string
	for _, m := range enQuoteRe.FindAllStringSubmatch(p, -1) {
		s := m[1]
		if s == "" {
			s = m[2]
		}
		want = append(want, s)
	}
	return want
}

// enQuotes must find exactly what the pattern it replaces finds.
func TestEnQuotesLikeRegexp(t *testing.T) {
	for _, p := range []string{
		`he said "three foundations construction" and "one post, two responsibilities".`, `"ab"`, `"abc"`, `""""abc"`, "“one post”", "“ab”", "“a“bcd”", "\"abc\n\"", "“abc\"", "\"abc”",
		`"` + strings.Repeat("x", 80) + `"`, `"` + strings.Repeat("x", 81) + `"`, "", "\xff\"ab\xfec\"", `"a" "bcd"`,
	} {
		if got, want := enQuotes(p), enQuotesRe(p); !slices.Equal(got, want) {
			t.Errorf("enQuotes(%q) = %q, want %q", p, got, want)
		}
	}
}

func FuzzEnQuotes(f *testing.F) {
	f.Add(`he said "three foundations" and “one post”`)
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := enQuotes(p), enQuotesRe(p); !slices.Equal(got, want) {
			t.Errorf("enQuotes(%q) = %q, want %q", p, got, want)
		}
	})
}
