package dates

import "regexp"

// The regular expressions the hand-written matchers of this package
// replaced. They are the matchers' specification: the equivalence tests
// and fuzz targets hold each matcher to its pattern.
var (
	// 2023年1月10日, 1月10日, 2018年7日3日 (a typo for 7月3日 seen on real pages).
	zhDate = regexp.MustCompile(`(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*[月日]\s*(\d{1,2})\s*[日号]`)
	// 2024-01-04, 2019/12/30, 2019.12.30
	isoDate   = regexp.MustCompile(`((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})`)
	monthName = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`
	// December 28, December 30th, February, 1, 2021, July 15, 2019
	enMD = regexp.MustCompile(`\b` + monthName + `\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*((?:19|20)\d\d)\b)?`)
	// 28 December 2023
	enDM   = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthName + `\b,?(?:\s*((?:19|20)\d\d)\b)?`)
	yearRe = regexp.MustCompile(`(?:19|20)\d\d`)
	// 2018年度
	annualZh = regexp.MustCompile(`((?:19|20)\d\d)\s*年度`)
	// 2017年 not followed by a month (then it is a date): "2022年党建工作".
	yearZh = regexp.MustCompile(`((?:19|20)\d\d)\s*年([^度\d\s]|$)`)
	// A year that is the subject of plans, not the period reviewed:
	// "对2022年度党建工作提出了三点要求", "谋划好2020年全区党建工作".
	planYear = regexp.MustCompile(`(?:谋划|规划|部署|安排|计划|展望|对)\s*(?:好)?(?:\p{Han}{0,4})?$`)
)
