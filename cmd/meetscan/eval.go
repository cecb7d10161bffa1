package main

import (
	"encoding/json"

	"github.com/spf13/cobra"

	"meetscan/analysis"
	"meetscan/analysis/eval"
)

func init() { register(newEvalCmd) }

func newEvalCmd(e *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "eval DIR",
		Short: "Score the extraction against gold annotations (precision, recall, F1)",
		Long: `Eval analyses every NAME.txt of DIR that has a line in DIR/gold.jsonl and prints
precision, recall and F1 per field: people, requirements, meeting date, meeting
type, attendance, period year, organisation and speaker. The gold format is
described in the corpus's SCHEMA.md.`,
		Example: `  meetscan eval ../shared/corpus/dev`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			an, err := analysis.New(analysis.Config{DataDir: e.dataDir})
			if err != nil {
				return err
			}
			rep, err := eval.Run(args[0], an)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(rep)
			}
			return rep.Write(e.stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the scores as JSON")
	return cmd
}
