package text

// Languages of a paragraph or article.
const (
	Chinese = "zh"
	English = "en"
	Mixed   = "mixed"
)

// Counts returns the number of Han characters and of Latin letters in s.
//
// It scans bytes: every Han character is a well-formed 3-byte sequence
// (lead byte E3..E9 or EF), and a lead byte never occurs inside another
// character's encoding, so this counts exactly what decoding rune by rune
// would.
func Counts(s string) (han, latin int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xE3 {
			latin += int(asciiLetter[c])
			continue
		}
		if c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if IsHan(rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)) {
				han++
			}
			i += 2
		}
	}
	return han, latin
}

// HasHanLatin reports whether s has any Han character and any Latin
// letter: Counts(s) reduced to han > 0 and latin > 0, stopping as soon as
// both are known.
func HasHanLatin(s string) (han, latin bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0xE3 {
			if asciiLetter[c] != 0 {
				if latin = true; han {
					return
				}
			}
			continue
		}
		if !han && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if IsHan(rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)) {
				if han = true; latin {
					return
				}
			}
			i += 2
		}
	}
	return
}

// asciiLetter is 1 for the bytes of ASCII letters.
var asciiLetter = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = 1, 1
	}
	return t
}()

// IsHan reports whether r is a CJK ideograph (basic block and extension A,
// compatibility ideographs).
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF
}

// Lang returns "zh" or "en" for a piece of text, or "" when it has no
// letters at all. One Han character carries about as much as a short English
// word, so Han characters are weighted three times a Latin letter.
func Lang(s string) string {
	han, latin := Counts(s)
	return langOf(han, latin)
}

func langOf(han, latin int) string {
	switch {
	case han == 0 && latin == 0:
		return ""
	case han*3 >= latin:
		return Chinese
	default:
		return English
	}
}

// ArticleLang combines paragraph languages weighted by their size: an
// article is "zh" or "en" when at least 85% of its letters are in that
// language, otherwise "mixed". It is "mixed" too when each language has a
// paragraph of running text of its own (a summary or a translation beside
// the report), however short one side is; a Chinese term quoted inside an
// English paragraph does not count.
func ArticleLang(paras []string) string {
	_, lang := Langs(paras, len(paras))
	return lang
}

// articleLang is ArticleLang from the weighted letter counts of the
// article and whether it has running text in either language.
func articleLang(zh, en int, zhText, enText bool) string {
	switch {
	case zh == 0 && en == 0:
		return ""
	case zhText && enText:
		return Mixed
	case zh*100 >= (zh+en)*85:
		return Chinese
	case en*100 >= (zh+en)*85:
		return English
	default:
		return Mixed
	}
}

// A paragraph is running text, not a title, name or address line, from
// about two sentences on: 40 Han characters, or 200 Latin letters (some 35
// words).
const (
	minHanText   = 40
	minLatinText = 200
)

// Langs returns Lang of each of paras[from:] and ArticleLang(paras), from
// one count of each paragraph instead of two. Simplify changes neither
// count (it maps Han characters to Han characters), so paras may be the
// folded or the original paragraphs.
func Langs(paras []string, from int) (langs []string, article string) {
	langs = make([]string, 0, len(paras)-min(from, len(paras)))
	var zh, en int
	var zhText, enText bool
	for i, p := range paras {
		han, latin := Counts(p)
		if i >= from {
			langs = append(langs, langOf(han, latin))
		}
		zh += han * 3
		en += latin
		if han*3 >= latin {
			zhText = zhText || han >= minHanText
		} else {
			enText = enText || latin >= minLatinText
		}
	}
	return langs, articleLang(zh, en, zhText, enText)
}
