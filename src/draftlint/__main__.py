from draftlint.entry import main

main()
