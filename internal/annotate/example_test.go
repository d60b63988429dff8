package annotate_test

import (
	"context"
	"fmt"

	"github.com/brief-dev/brief/internal/annotate"
	"github.com/brief-dev/brief/internal/brief"
)

func ExampleAnnotate() {
	sources := []*brief.Source{
		{ID: "a", Body: []byte("The talks aim at halting the three-year-long war in Ukraine.")},
		{ID: "b", Body: []byte("The talks mark a turning point in the two-year war.")},
	}
	ann, err := annotate.Annotate(context.Background(), sources, nil)
	if err != nil {
		panic(err)
	}
	for _, l := range ann.Links {
		fmt.Println(l.Relation, l.Kind, l.Reason)
	}
	// Output:
	// disagree number number: “three-year-long war” vs “two-year war”
}
