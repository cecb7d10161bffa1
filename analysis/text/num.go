package text

import "strings"

var zhDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// Number parses an Arabic ("21", "２１") or Chinese ("二十一", "一百二十")
// number up to the thousands. ok is false when s is not a number.
func Number(s string) (n int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	arabic := true
	for _, r := range s {
		d := r
		if r >= '０' && r <= '９' {
			d = r - '０' + '0'
		}
		if d < '0' || d > '9' {
			arabic = false
			break
		}
		n = n*10 + int(d-'0')
		if n > 1e7 {
			return 0, false
		}
	}
	if arabic {
		return n, true
	}
	n = 0
	cur := -1
	for _, r := range s {
		if d, isDigit := zhDigits[r]; isDigit {
			cur = d
			continue
		}
		unit := 0
		switch r {
		case '十':
			unit = 10
		case '百':
			unit = 100
		case '千':
			unit = 1000
		default:
			return 0, false
		}
		if cur < 0 {
			cur = 1 // 十二 = 12
		}
		n += cur * unit
		cur = -1
	}
	if cur > 0 {
		n += cur
	}
	return n, n > 0 || strings.ContainsAny(s, "零〇")
}
