package keywords

import (
	"slices"
	"testing"
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
	c := NewCounter(func(w string) bool { return w == "品牌" })
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
	if kws := NewCounter(nil).Top(idf, 3); kws != nil {
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
