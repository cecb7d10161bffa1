package people

import "regexp"

// The regular expressions the hand-written scanners of this package
// replaced. They are the scanners' specification: the equivalence tests
// and fuzz targets hold each scanner to its pattern.
var (
	// 程小龙/文、摄 刘晓平/审 (findSlashCredits)
	zhSlash = regexp.MustCompile(`(\p{Han}{2,4})\s*/\s*(文、摄|文|摄|图|审|编辑|审核|供稿)`)
	// A bracketed name closing a paragraph: "(唐亚国)" (trailName).
	zhTrail = regexp.MustCompile(`[（(]\s*(\p{Han}{2,4})\s*[）)]\s*$`)
	// Lists of names: "苏有良、陈兴友、张信群…" (findLists).
	zhList = regexp.MustCompile(`(?:\p{Han}{2,3}、){2,}\p{Han}{2,3}`)
	// Title words that may stand before a name: "Party Committee Secretary
	// and Chairman Wu Qiujue", "Deputy Secretary Wang Weitao" (titleTail).
	enTitleTail = regexp.MustCompile(`((?:(?:[A-Z][a-z]+|and|of|the|member|secretary|chairman|committee|party)\s+){1,8})$`)
	// Capitalised words (capWords).
	capWord = regexp.MustCompile(`\b[A-Z][a-z]{0,12}(?:-[A-Za-z][a-z]{1,8})?\b`)
	// Pinyin syllables (isSyllable).
	syllable = regexp.MustCompile(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)$`)
)
