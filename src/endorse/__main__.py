from endorse.entry import main

main()
