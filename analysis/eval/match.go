package eval

import (
	"strings"
	"unicode"

	"meetscan/analysis/text"
)

// units splits a text into the units overlap is measured in: character
// bigrams of Chinese runs and lower-cased words of everything else.
func units(s string) map[string]int {
	out := map[string]int{}
	var han []rune
	flush := func() {
		if len(han) == 1 {
			out[string(han)]++
		}
		for i := 0; i+1 < len(han); i++ {
			out[string(han[i:i+2])]++
		}
		han = han[:0]
	}
	var word strings.Builder
	flushWord := func() {
		if word.Len() > 0 {
			out[strings.ToLower(word.String())]++
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case text.IsHan(r):
			flushWord()
			han = append(han, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flush()
			word.WriteRune(r)
		default:
			flush()
			flushWord()
		}
	}
	flush()
	flushWord()
	return out
}

func size(u map[string]int) int {
	n := 0
	for _, c := range u {
		n += c
	}
	return n
}

func overlap(a, b map[string]int) int {
	n := 0
	for k, c := range a {
		if d := b[k]; d > 0 {
			n += min(c, d)
		}
	}
	return n
}

// HalfOverlap reports whether a and b share at least half of each one's
// units.
func HalfOverlap(a, b string) bool {
	ua, ub := units(a), units(b)
	o := overlap(ua, ub)
	return o*2 >= size(ua) && o*2 >= size(ub) && o > 0
}

// MatchRequirements pairs extracted and gold requirements one to one
// (greedily, best overlap first) and returns the number matched and the
// unmatched ones on each side.
func MatchRequirements(got, gold []string) (tp int, fp, fn []string) {
	type pair struct {
		i, j int
		o    float64
	}
	gu := make([]map[string]int, len(got))
	for i, s := range got {
		gu[i] = units(s)
	}
	du := make([]map[string]int, len(gold))
	for j, s := range gold {
		du[j] = units(s)
	}
	var pairs []pair
	for i := range got {
		for j := range gold {
			o := overlap(gu[i], du[j])
			if o == 0 || o*2 < size(gu[i]) || o*2 < size(du[j]) {
				continue
			}
			pairs = append(pairs, pair{i, j, float64(o) / float64(max(size(gu[i]), size(du[j])))})
		}
	}
	for a := 1; a < len(pairs); a++ {
		for b := a; b > 0 && pairs[b].o > pairs[b-1].o; b-- {
			pairs[b], pairs[b-1] = pairs[b-1], pairs[b]
		}
	}
	usedG := make([]bool, len(got))
	usedD := make([]bool, len(gold))
	for _, p := range pairs {
		if usedG[p.i] || usedD[p.j] {
			continue
		}
		usedG[p.i], usedD[p.j] = true, true
		tp++
	}
	for i, s := range got {
		if !usedG[i] {
			fp = append(fp, s)
		}
	}
	for j, s := range gold {
		if !usedD[j] {
			fn = append(fn, s)
		}
	}
	return tp, fp, fn
}
