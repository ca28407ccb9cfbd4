module github.com/timeline-tool/timeline

go 1.26.8
