import CSndFile
import CFLAC
import CEBUR128
import CSoxr
