package meeting

import "regexp"

// The regular expressions the hand-written scanners of this package
// replaced. They are the scanners' specification: the equivalence tests
// and fuzz targets hold each scanner to its pattern.
var (
	// The English part of holdVerb (the reference of holdWordsEn).
	holdVerbEn = regexp.MustCompile(`(?i)\bheld\b|\bholds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out`)
	// The clause before 召开/举行: "...日上午,机关党委在图书馆报告厅召开".
	// 开幕 opens a congress: "第二次代表大会在…隆重开幕".
	zhHold = regexp.MustCompile(`(?:组织)?(?:召开|举行|举办|开展|开幕)`)
	// Locative phrases between the host and the verb: 在沪, 于学院会议室.
	zhLoc = regexp.MustCompile(`(?:在|于).*$`)
	// Leading dates, datelines and connectives of the clause (leadEnd).
	zhLead = regexp.MustCompile(`^.*?(?:\d{1,2}\s*[日号](?:上午|下午|晚上|晚|早上)?|讯|近日|日前|近期|本网讯|本报讯)`)
	// Meeting bodies named after the host: 资源学院党委理论学习中心组.
	zhBody = regexp.MustCompile(`(?:理论学习中心组|中心组|(?:党的建设|党建)?(?:工作)?领导小组(?:会议)?|会议|大会)$`)
)
