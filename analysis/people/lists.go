package people

import (
	"strings"
	"unicode/utf8"
)

// findLists returns zhList.FindAllStringIndex(p, -1) — runs of 2–3
// character items joined by 、, at least three items — by a plain scan:
// the pattern starts with a character class, so a regexp retries it at
// every position of every paragraph with two 、. A match starts with an
// item followed by 、, so only the two or three Han characters before
// each 、 can start one; every other start fails.
func findLists(p string) [][]int {
	var out [][]int
	from := 0 // the end of the last match
	for k := 0; ; {
		d := strings.Index(p[k:], "、")
		if d < 0 {
			return out
		}
		k += d
		// The starts of the second and third Han character before 、,
		// in text order.
		var starts [2]int
		n, i := 0, k
		for c := 1; c <= 3 && i > from; c++ {
			r, sz := utf8.DecodeLastRuneInString(p[from:i])
			if !isHanRE(r) {
				break
			}
			i -= sz
			if c >= 2 {
				copy(starts[1:], starts[:1])
				starts[0] = i
				n++
			}
		}
		for _, s := range starts[:n] {
			if e := listAt(p, s); e > 0 {
				out = append(out, []int{s, e})
				from = e
				break
			}
		}
		k = max(k+len("、"), from)
	}
}

// listAt returns the end of the match of (?:\p{Han}{2,3}、){2,}\p{Han}{2,3}
// starting at s, or -1. An item followed by 、 has exactly the length of
// its Han run, so the only backtracking step is giving back the last
// "item、" when no item follows it.
func listAt(p string, s int) int {
	pos := s
	var itemEnds []int
	for {
		c, e := hanRun(p, pos, 4)
		if (c == 2 || c == 3) && strings.HasPrefix(p[e:], "、") {
			itemEnds = append(itemEnds, e)
			pos = e + len("、")
			continue
		}
		break
	}
	k := len(itemEnds)
	if c, e := hanRun(p, pos, 3); k >= 2 && c >= 2 {
		return e
	}
	if k >= 3 {
		return itemEnds[k-1]
	}
	return -1
}

// hanRun counts up to max Han characters from byte i and returns the
// count and the byte after them.
func hanRun(p string, i, max int) (int, int) {
	c := 0
	for c < max && i < len(p) {
		r, n := decodeCJK(p, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(p[i:])
		}
		if !isHanRE(r) {
			break
		}
		c++
		i += n
	}
	return c, i
}
