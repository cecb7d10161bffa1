package recurring

import (
	"strings"

	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// conceptPrefix marks a concept feature in the vocabulary ("\x02study"),
// apart from words and theme ids ("\x01id").
const conceptPrefix = "\x02"

// synonymSets are near-synonyms that paraphrases of one directive swap:
// party-building nouns and verbs in Chinese and English (English words are
// stemmed when the map is built). A word in a set is replaced by the
// set's concept, so 每周 and 定期, weekly and regular, count as one shared
// feature. Sets are deliberately narrow: a word that also carries other
// senses (critical, small, problem, front) is left out, because a
// concept shared by unrelated requirements would cost precision.
var synonymSets = map[string]string{
	"secretary": "书记 支部书记 党支部书记 第一书记 | secretary secretaries",
	"duty":      "责任 主体责任 直接责任 第一责任 职责 分内 分内之事 履职 尽责 履职尽责 缺位 失职 | responsibility responsibilities duty duties charge job",
	"shoulder":  "扛起 担起 扛牢 压实 担负 肩负 | shoulder",
	"study":     "学习 集中学习 集体学习 理论学习 学习制度 | study studies learning",
	"group":     "集中 集体 | group collective",
	"regular":   "每周 每月 定期 常态 常态化 经常 经常性 固定 | weekly monthly regular regularly routine week",
	"plan":      "计划 安排 | plan calendar schedule",
	"check":     "检查 督查 督导 | check inspect inspection",
	"record":    "记录 台账 建档 归档 可查 有据可查 纪要 | record records ledger ledgers minutes",
	"note":      "心得 笔记 体会 | note notes",
	"vanguard":  "先锋 模范 先锋模范 先锋模范作用 表率 示范 旗帜 冲锋 冲锋在前 亮身份 | vanguard exemplary example banner",
	"hardtask":  "急难 急难险重 攻坚 克难 攻坚克难 关键时刻 | urgent tackle tackling",
	"criticism": "批评 自我批评 相互批评 批评和自我批评 | criticism criticisms",
	"frank":     "动真碰硬 碰硬 真话 红脸 出汗 揭短 亮丑 直面 | frank frankly boldly bold blush sweat",
	"care":      "关心 关爱 暖心 温暖 排忧 解难 排忧解难 | care caring warmth warm worries",
	"staff":     "职工 员工 干部职工 | staff employee employees worker workers",
	"safety":    "安全 安全生产 | safety",
	"hazard":    "隐患 隐患排查 事故 防范 防范措施 底线 | hazard hazards accident accidents precaution precautions",
	"alarm":     "警钟 警钟长鸣 提醒 | alarm reminder remind warning",
	"integrity": "廉洁 廉政 纪律 | integrity discipline",
	"early":     "抓早抓小 防微杜渐 苗头 苗头性 倾向性 咬耳扯袖 | early",
	"implement": "落细 落地 贯彻 | execute",
}

// synonyms maps a token (a Chinese word, or an English stem as Tokens
// yields it) to its concept feature.
var synonyms = buildSynonyms(synonymSets)

func buildSynonyms(sets map[string]string) map[string]string {
	m := map[string]string{}
	for concept, words := range sets {
		zh, en, _ := strings.Cut(words, "|")
		for _, w := range strings.Fields(zh) {
			m[w] = conceptPrefix + concept
		}
		for _, w := range strings.Fields(en) {
			m[porterstemmer.StemString(strings.ToLower(w))] = conceptPrefix + concept
		}
	}
	return m
}

// canonical returns the feature for a token: its concept when it has one.
func canonical(w string) string {
	if c, ok := synonyms[w]; ok {
		return c
	}
	return w
}
