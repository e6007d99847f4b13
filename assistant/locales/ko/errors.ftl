error-unknown = 문제가 생겼어요.
