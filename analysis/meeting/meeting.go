// Package meeting classifies a report's meeting and reads the facts stated
// about it: type, attendance and host organisation. Pure functions over
// paragraphs already folded to simplified characters.
package meeting

import (
	"regexp"
	"strings"

	"meetscan/data"
)

// cue is one type keyword pattern.
type cue struct {
	typ string
	re  *regexp.Regexp
}

// Ordered by precedence: when two types score the same, the earlier wins
// (a 民主生活会 that also reviews work is a democratic-life meeting).
var cues = []cue{
	{data.MeetingDemocraticLife, regexp.MustCompile(`(?i)民主生活会|组织生活会|democratic life|organi[sz]ational life (?:meeting|conference)`)},
	{data.MeetingCongress, regexp.MustCompile(`(?i)党员大会|党代会|代表大会|换届|选举大会|general meeting of (?:all )?(?:the )?party members|members'? (?:general )?(?:assembly|meeting)|general election|election of the new|(?:party|branch) congress\b`)},
	{data.MeetingReview, regexp.MustCompile(`(?i)述职|述廉|双述双评|述评|performance review|review meeting|work review|job report(?:ing)? and evaluation|reporting and evaluation|secretary(?:'s)? (?:work )?report|review the work|debriefing|report(?:ed)? on (?:their|his|her) (?:party building )?work and (?:was|were) evaluated`)},
	{data.MeetingJoint, regexp.MustCompile(`(?i)联席会|联学联建|党建联建|联建|共建|结对|联合(?:主题)?党日|联学|joint (?:party )?(?:branch )?meeting|joint (?:study|construction|building)|co-construction|pairing`)},
	{data.MeetingStudy, regexp.MustCompile(`(?i)理论学习中心组|中心组(?:集体|专题)?学习|专题学习|学习会|读书班|集体学习|学习研讨|theory learning|theoretical (?:study|learning) (?:center|centre|central) group|central group|study (?:meeting|session)|collective study|learning session|reading class`)},
	{data.MeetingPromotion, regexp.MustCompile(`(?i)工作会议?|推进会|部署会|动员会|领导小组会议|党委会|调度会|务虚会|promotion (?:work )?(?:meeting|conference)|work (?:meeting|conference)|deployment meeting|mobili[sz]ation meeting|meeting to promote|promotion meeting|work promotion`)},
}

// holdVerb marks the sentence that says which meeting was held.
var holdVerb = regexp.MustCompile(`(?i)召开|举行|举办|开展|组织|\bheld\b|\bholds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out`)

// Type classifies the meeting. The title counts most, then the sentences
// that say a meeting was held (in the first paragraphs), then any other
// mention. Reports that match no cue are "other".
func Type(title string, paras []string) string {
	score := map[string]int{}
	add := func(s string, w int) {
		for _, c := range cues {
			if c.re.MatchString(s) {
				score[c.typ] += w
			}
		}
	}
	if title != "" {
		add(title, 6)
	}
	held := 0
	for i, p := range paras {
		if p == title {
			continue
		}
		for _, s := range sentences(p) {
			if held < 2 && holdVerb.MatchString(s) {
				add(s, 4)
				held++
				continue
			}
			if i < 12 {
				add(s, 1)
			}
		}
	}
	best, bestScore := data.MeetingOther, 0
	for _, c := range cues {
		if score[c.typ] > bestScore {
			best, bestScore = c.typ, score[c.typ]
		}
	}
	return best
}

func sentences(p string) []string {
	f := func(r rune) bool { return r == '。' || r == '！' || r == '？' }
	var out []string
	for _, s := range strings.FieldsFunc(p, f) {
		// English: split on ". " without a full sentence splitter; the
		// scores only need rough sentences.
		out = append(out, strings.Split(s, ". ")...)
	}
	return out
}
